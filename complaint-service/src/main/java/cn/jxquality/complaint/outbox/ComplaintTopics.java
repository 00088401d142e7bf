package cn.jxquality.complaint.outbox;

import cn.jxquality.platform.outbox.OutboxTopics;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** complaint-service publishes complaint events through the platform's outbox. */
public class ComplaintTopics {

    public static final String COMPLAINT_EVENTS = "complaint-events";

    @Produces
    @Singleton
    OutboxTopics topics(@Channel(COMPLAINT_EVENTS) Emitter<String> complaintEvents) {
        return new OutboxTopics(
                URI.create("urn:jxquality:complaint-service"),
                COMPLAINT_EVENTS,
                Map.of(COMPLAINT_EVENTS, complaintEvents));
    }
}
