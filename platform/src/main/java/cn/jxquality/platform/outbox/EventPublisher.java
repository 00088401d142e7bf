package cn.jxquality.platform.outbox;

import cn.jxquality.platform.messaging.CloudEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sends one outbox row to its topic as a binary-mode CloudEvent keyed by the row's key (the complaint id, so one
 * complaint's events stay in order across services, or the row's own key for an event about no single complaint).
 */
@ApplicationScoped
public class EventPublisher {

    private final Instance<OutboxTopics> topics;

    /** Protected for a test's stand-in broker (QuarkusMock), which may send through this one. */
    protected EventPublisher(Instance<OutboxTopics> topics) {
        this.topics = topics;
    }

    /** Completes when the broker acknowledged the record, fails when it did not. */
    public Uni<Void> publish(PendingEvent event) {
        OutboxTopics service = topics.get();
        Emitter<String> emitter = service.emitters().get(event.topic());
        if (emitter == null) {
            return Uni.createFrom().failure(new IllegalStateException("no outgoing topic " + event.topic()));
        }
        return CloudEvents.send(
                emitter,
                new CloudEvents.Outgoing(
                        event.id().toString(),
                        event.type(),
                        service.source(),
                        event.subject(),
                        event.createdAt(),
                        event.key(),
                        event.payload()));
    }
}
