package cn.jxquality.notify.notification;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A supervisor's bulk re-send: every FAILED notification, of one channel or of all, back to PENDING with a fresh set
 * of tries, as {@link Resender} does for one, in one transaction; each re-queued row carries the batch's id, so the
 * batch's progress is its rows counted by status while the dispatcher sends them at the channels' pace. A row that
 * fails again and is re-sent by a later batch counts in the later one.
 */
@ApplicationScoped
public class ResendBatches {

    /** A batch and where its notifications are now. */
    public record Batch(
            UUID id,
            String requestedBy,
            Instant requestedAt,
            NotificationChannel channel,
            int total,
            Map<NotificationStatus, Integer> byStatus) {

        /** Sent, or not to be sent (opted out since), or given up again: nothing left to wait for. */
        public int settled() {
            return byStatus.getOrDefault(NotificationStatus.SENT, 0)
                    + byStatus.getOrDefault(NotificationStatus.SKIPPED, 0)
                    + byStatus.getOrDefault(NotificationStatus.FAILED, 0);
        }
    }

    private final Pool pool;
    private final Clock clock;

    ResendBatches(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Re-queues every FAILED notification ({@code channel}'s only, unless null); answers the batch. */
    public Uni<Batch> start(String requestedBy, NotificationChannel channel) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String channelName = channel == null ? null : channel.name();
        return pool.withTransaction(connection -> connection
                        .preparedQuery("update notification set status = 'PENDING', attempts = 0, next_attempt_at = $2,"
                                + " lease_until = null, given_up_at = null, resend_batch_id = $1"
                                + " where status = 'FAILED' and ($3::varchar is null or channel = $3::varchar)")
                        .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC), channelName))
                        .flatMap(requeued -> connection
                                .preparedQuery(
                                        "insert into resend_batch (id, requested_by, requested_at, channel, total)"
                                                + " values ($1, $2, $3, $4, $5)")
                                .execute(Tuple.from(Arrays.asList(
                                        id,
                                        requestedBy,
                                        now.atOffset(ZoneOffset.UTC),
                                        channelName,
                                        requeued.rowCount())))
                                .replaceWith(requeued.rowCount())))
                .map(total -> {
                    Log.infof("%d failed notifications re-queued by %s (batch %s)", total, requestedBy, id);
                    Map<NotificationStatus, Integer> byStatus = new EnumMap<>(NotificationStatus.class);
                    if (total > 0) {
                        byStatus.put(NotificationStatus.PENDING, total);
                    }
                    return new Batch(id, requestedBy, now, channel, total, byStatus);
                });
    }

    public Uni<Optional<Batch>> find(UUID id) {
        return counted("b.id = $1", Tuple.of(id))
                .map(batches -> batches.stream().findFirst());
    }

    /** The latest batches, newest first. */
    public Uni<List<Batch>> recent(int limit) {
        return counted("b.id in (select id from resend_batch order by requested_at desc limit $1)", Tuple.of(limit));
    }

    /** The batches {@code where} selects, newest first, with their notifications counted by status, in one query. */
    private Uni<List<Batch>> counted(String where, Tuple parameters) {
        return pool.preparedQuery("select b.id, b.requested_by, b.requested_at, b.channel, b.total, n.status,"
                        + " count(n.id) as notifications from resend_batch b"
                        + " left join notification n on n.resend_batch_id = b.id where " + where
                        + " group by b.id, n.status order by b.requested_at desc, b.id")
                .execute(parameters)
                .map(rows -> {
                    Map<UUID, Batch> batches = new LinkedHashMap<>();
                    for (Row row : rows) {
                        Batch batch = batches.computeIfAbsent(row.getUUID("id"), id -> batch(row));
                        String status = row.getString("status");
                        if (status != null) {
                            batch.byStatus()
                                    .put(
                                            NotificationStatus.valueOf(status),
                                            row.getLong("notifications").intValue());
                        }
                    }
                    return List.copyOf(batches.values());
                });
    }

    private static Batch batch(Row row) {
        String channel = row.getString("channel");
        return new Batch(
                row.getUUID("id"),
                row.getString("requested_by"),
                row.getOffsetDateTime("requested_at").toInstant(),
                channel == null ? null : NotificationChannel.valueOf(channel),
                row.getInteger("total"),
                new EnumMap<>(NotificationStatus.class));
    }
}
