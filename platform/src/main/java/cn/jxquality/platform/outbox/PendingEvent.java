package cn.jxquality.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row leased for publishing; {@code key} is the Kafka key (the aggregate id unless the row names another). */
public record PendingEvent(
        UUID id,
        String topic,
        UUID aggregateId,
        String type,
        String subject,
        String payload,
        Instant createdAt,
        String key) {}
