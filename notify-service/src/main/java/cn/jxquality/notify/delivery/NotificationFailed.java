package cn.jxquality.notify.delivery;

import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import java.time.Instant;
import java.util.UUID;

/** Data of {@code notification.failed.v1} on notification-dlq (schema {@code events/notification.failed.v1.json}). */
public record NotificationFailed(
        UUID notificationId,
        String eventId,
        String eventType,
        UUID complaintId,
        String trackingNumber,
        NotificationChannel channel,
        String recipient,
        RecipientKind recipientKind,
        String template,
        int attempts,
        String reason,
        Instant failedAt) {

    public static final String TYPE = "notification.failed.v1";
}
