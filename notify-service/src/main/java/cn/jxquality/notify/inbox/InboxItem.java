package cn.jxquality.notify.inbox;

import java.time.Instant;
import java.util.UUID;

/** One in-app message as its recipient reads it. */
public record InboxItem(
        UUID id, String eventType, String trackingNumber, String template, String body, Instant createdAt) {}
