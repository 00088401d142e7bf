package cn.jxquality.notify.delivery;

import cn.jxquality.platform.messaging.CloudEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes a notification that could not be delivered to notification-dlq, keyed by complaint id. */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "notification-dlq";
    static final URI SOURCE = URI.create("urn:jxquality:notify-service");

    private final Emitter<String> emitter;
    private final ObjectMapper json;

    DeadLetters(@Channel(CHANNEL) Emitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /** Completes when the broker acknowledged the record. */
    public Uni<Void> publish(NotificationFailed failed) {
        return CloudEvents.send(
                emitter,
                new CloudEvents.Outgoing(
                        failed.notificationId() + ":" + failed.attempts(),
                        NotificationFailed.TYPE,
                        SOURCE,
                        failed.trackingNumber(),
                        failed.failedAt(),
                        failed.complaintId() == null
                                ? null
                                : failed.complaintId().toString(),
                        toJson(failed)));
    }

    private String toJson(NotificationFailed failed) {
        try {
            return json.writeValueAsString(failed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification.failed.v1 is not serialisable", e);
        }
    }
}
