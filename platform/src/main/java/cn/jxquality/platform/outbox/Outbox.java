package cn.jxquality.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records events in the caller's transaction (the current Hibernate Reactive session's); {@link OutboxRelay}
 * publishes them after commit. Each service keeps the {@code outbox_event} table in its own database.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT =
            "INSERT INTO outbox_event (id, topic, aggregate_id, type, subject, payload, created_at)"
                    + " VALUES (:id, :topic, :aggregateId, :type, :subject, :payload, :createdAt)";

    private final ObjectMapper json;
    private final Instance<OutboxTopics> topics;

    Outbox(ObjectMapper json, Instance<OutboxTopics> topics) {
        this.json = json;
        this.topics = topics;
    }

    /** A row for the service's default topic; must run inside a transaction, it commits or rolls back with it. */
    public Uni<UUID> append(UUID aggregateId, String type, String subject, Object data) {
        return append(topics.get().defaultTopic(), aggregateId, type, subject, data);
    }

    /** A row for {@code topic} (one the service's {@link OutboxTopics} names), in the caller's transaction. */
    public Uni<UUID> append(String topic, UUID aggregateId, String type, String subject, Object data) {
        if (!topics.get().emitters().containsKey(topic)) {
            throw new IllegalArgumentException("no outgoing topic " + topic);
        }
        UUID id = UUID.randomUUID();
        String payload = toJson(data);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id)
                        .setParameter("topic", topic)
                        .setParameter("aggregateId", aggregateId)
                        .setParameter("type", type)
                        .setParameter("subject", subject)
                        .setParameter("payload", payload)
                        .setParameter("createdAt", OffsetDateTime.now(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWith(id);
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
    }
}
