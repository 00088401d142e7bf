package cn.jxquality.complaint.outbox;

import cn.jxquality.platform.outbox.OutboxTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** complaint-service publishes complaint events through the platform's outbox. */
@ApplicationScoped
public class ComplaintTopics implements OutboxTopics {

    public static final String COMPLAINT_EVENTS = "complaint-events";

    private static final URI SOURCE = URI.create("urn:jxquality:complaint-service");

    private final Map<String, Emitter<String>> emitters;

    ComplaintTopics(@Channel(COMPLAINT_EVENTS) Emitter<String> complaintEvents) {
        this.emitters = Map.of(COMPLAINT_EVENTS, complaintEvents);
    }

    @Override
    public URI source() {
        return SOURCE;
    }

    @Override
    public String defaultTopic() {
        return COMPLAINT_EVENTS;
    }

    @Override
    public Map<String, Emitter<String>> emitters() {
        return emitters;
    }
}
