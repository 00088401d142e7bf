package cn.jxquality.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends events as binary-mode CloudEvents (DESIGN §7: {@code ce_*} headers, the JSON data as the value). */
public final class CloudEvents {

    private CloudEvents() {}

    /**
     * One event to send. {@code key} is the Kafka key (one complaint's events share it, so they stay in order);
     * null for an event about no single thing.
     */
    public record Outgoing(String id, String type, URI source, String subject, Instant time, String key, String data) {}

    /** Completes when the broker acknowledged the record, fails when it did not (or the emitter refused it). */
    public static Uni<Void> send(Emitter<String> emitter, Outgoing event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = Message.of(event.data())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id())
                        .withType(event.type())
                        .withSource(event.source())
                        .withSubject(event.subject())
                        .withTimestamp(event.time().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.key())
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
}
