package cn.jxquality.notify.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

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
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = Message.of(toJson(failed))
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(failed.notificationId() + ":" + failed.attempts())
                        .withType(NotificationFailed.TYPE)
                        .withSource(SOURCE)
                        .withSubject(failed.trackingNumber())
                        .withTimestamp(failed.failedAt().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(
                                failed.complaintId() == null
                                        ? null
                                        : failed.complaintId().toString())
                        .build())
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().completionStage(acknowledged);
    }

    private String toJson(NotificationFailed failed) {
        try {
            return json.writeValueAsString(failed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification.failed.v1 is not serialisable", e);
        }
    }
}
