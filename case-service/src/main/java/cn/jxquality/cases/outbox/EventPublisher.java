package cn.jxquality.cases.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one outbox row to its topic ({@code case-events} or {@code reward-events}) as a binary-mode CloudEvent
 * keyed by complaint id (per-complaint ordering), or by the row's own key for an event about no single complaint.
 */
@ApplicationScoped
public class EventPublisher {

    public static final String CHANNEL = "case-events";
    public static final String REWARD_CHANNEL = "reward-events";
    /** The outgoing topics an outbox row may name (each the name of its channel). */
    public static final Set<String> TOPICS = Set.of(CHANNEL, REWARD_CHANNEL);

    static final URI SOURCE = URI.create("urn:jxquality:case-service");

    private final Map<String, Emitter<String>> emitters;

    EventPublisher(
            @Channel(CHANNEL) Emitter<String> caseEvents, @Channel(REWARD_CHANNEL) Emitter<String> rewardEvents) {
        this.emitters = Map.of(CHANNEL, caseEvents, REWARD_CHANNEL, rewardEvents);
    }

    /** Completes when the broker acknowledged the record, fails when it did not. */
    public Uni<Void> publish(PendingEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = Message.of(event.payload())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id().toString())
                        .withType(event.type())
                        .withSource(SOURCE)
                        .withSubject(event.subject())
                        .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC))
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
        Emitter<String> emitter = emitters.get(event.topic());
        if (emitter == null) {
            return Uni.createFrom().failure(new IllegalStateException("no outgoing topic " + event.topic()));
        }
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().completionStage(acknowledged);
    }
}
