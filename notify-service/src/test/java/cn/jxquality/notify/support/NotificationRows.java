package cn.jxquality.notify.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** Reads notification rows straight from the database, as a test's source of truth. */
public final class NotificationRows {

    /** One stored notification. */
    public record Stored(
            UUID id,
            String eventType,
            String channel,
            String recipient,
            String status,
            int attempts,
            String language,
            String subject,
            String body,
            String lastError,
            Instant nextAttemptAt) {}

    private NotificationRows() {}

    public static List<Stored> of(Pool pool, String trackingNumber) {
        return StreamSupport.stream(
                        pool.preparedQuery("select * from notification where tracking_number = $1 order by channel")
                                .execute(Tuple.of(trackingNumber))
                                .await()
                                .atMost(Duration.ofSeconds(5))
                                .spliterator(),
                        false)
                .map(NotificationRows::stored)
                .toList();
    }

    public static Stored one(Pool pool, String trackingNumber, String channel) {
        return one(pool, trackingNumber, channel, null);
    }

    /** The one row on {@code channel} of the event {@code eventType} (any event if null). */
    public static Stored one(Pool pool, String trackingNumber, String channel, String eventType) {
        List<Stored> rows = of(pool, trackingNumber).stream()
                .filter(r -> r.channel().equals(channel)
                        && (eventType == null || r.eventType().equals(eventType)))
                .toList();
        if (rows.size() != 1) {
            throw new AssertionError("expected one " + channel + " row for " + trackingNumber + ", found " + rows);
        }
        return rows.get(0);
    }

    private static Stored stored(Row row) {
        var next = row.getOffsetDateTime("next_attempt_at");
        return new Stored(
                row.getUUID("id"),
                row.getString("event_type"),
                row.getString("channel"),
                row.getString("recipient"),
                row.getString("status"),
                row.getInteger("attempts"),
                row.getString("language"),
                row.getString("subject"),
                row.getString("body"),
                row.getString("last_error"),
                next == null ? null : next.toInstant());
    }
}
