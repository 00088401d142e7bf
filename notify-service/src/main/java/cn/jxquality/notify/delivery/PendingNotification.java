package cn.jxquality.notify.delivery;

import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;

/**
 * A leased notification row, as the dispatcher needs it, with whether its citizen had opted out at the lease and
 * whether an earlier try of it ended without an outcome ({@code inDoubt}: its message may have gone out).
 */
public record PendingNotification(
        UUID id,
        String eventId,
        String eventType,
        UUID complaintId,
        String trackingNumber,
        String recipient,
        RecipientKind recipientKind,
        NotificationChannel channel,
        String template,
        String language,
        String eventData,
        int attempts,
        String lastError,
        boolean givenUp,
        boolean optedOut,
        boolean inDoubt) {

    static final String COLUMNS = "id, event_id, event_type, complaint_id, tracking_number, recipient, recipient_kind,"
            + " channel, template, language, event_data, attempts, last_error, given_up_at,"
            + " exists (select 1 from opt_out o where o.tracking_number = notification.tracking_number) as opted_out";

    static PendingNotification of(Row row) {
        return new PendingNotification(
                row.getUUID("id"),
                row.getString("event_id"),
                row.getString("event_type"),
                row.getUUID("complaint_id"),
                row.getString("tracking_number"),
                row.getString("recipient"),
                RecipientKind.valueOf(row.getString("recipient_kind")),
                NotificationChannel.valueOf(row.getString("channel")),
                row.getString("template"),
                row.getString("language"),
                row.getString("event_data"),
                row.getInteger("attempts"),
                row.getString("last_error"),
                row.getValue("given_up_at") != null,
                row.getBoolean("opted_out"),
                row.getBoolean("in_doubt"));
    }
}
