package cn.jxquality.cases.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row leased for publishing. */
public record PendingEvent(
        UUID id, String topic, UUID aggregateId, String type, String subject, String payload, Instant createdAt) {}
