package cn.jxquality.notify.notification;

import java.time.Instant;
import java.util.UUID;

/** A notification as the log API shows it; the recipient is masked. */
public record NotificationView(
        UUID id,
        String eventType,
        String trackingNumber,
        NotificationChannel channel,
        String recipient,
        RecipientKind recipientKind,
        String template,
        String language,
        NotificationStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(
                n.id,
                n.eventType,
                n.trackingNumber,
                n.channel,
                Recipients.mask(n.recipient, n.recipientKind),
                n.recipientKind,
                n.template,
                n.language,
                n.status,
                n.attempts,
                n.lastError,
                n.createdAt,
                n.sentAt);
    }
}
