package cn.jxquality.cases.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Records events in the caller's transaction; {@link OutboxRelay} publishes them after commit. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** A {@code case-events} row; must run inside a transaction, it commits or rolls back with the caller's change. */
    public Uni<OutboxEvent> append(UUID aggregateId, String type, String subject, Object data) {
        return append(EventPublisher.CHANNEL, aggregateId, type, subject, data);
    }

    /** A row for {@code topic} (one of {@link EventPublisher#TOPICS}), in the caller's transaction. */
    public Uni<OutboxEvent> append(String topic, UUID aggregateId, String type, String subject, Object data) {
        if (!EventPublisher.TOPICS.contains(topic)) {
            throw new IllegalArgumentException("no outgoing topic " + topic);
        }
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.aggregateId = aggregateId;
        event.type = type;
        event.subject = subject;
        event.payload = toJson(data);
        event.createdAt = Instant.now();
        return event.persist();
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
    }
}
