package cn.jxquality.complaint.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row leased for publishing. */
public record PendingEvent(UUID id, UUID aggregateId, String type, String subject, String payload, Instant createdAt) {}
