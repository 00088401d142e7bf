package cn.jxquality.notify.notification;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

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
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String channelName = channel == null ? null : channel.name();
        return pool.withTransaction(connection -> connection
                        .preparedQuery("update notification set status = 'PENDING', attempts = 0, next_attempt_at = $2,"
                                + " lease_until = null, given_up_at = null, resend_batch_id = $1"
                                + " where status = 'FAILED' and ($3::varchar is null or channel = $3::varchar)")
                        .execute(Tuple.of(id, now, channelName))
                        .flatMap(requeued -> connection
                                .preparedQuery(
                                        "insert into resend_batch (id, requested_by, requested_at, channel, total)"
                                                + " values ($1, $2, $3, $4, $5)")
                                .execute(Tuple.from(
                                        Arrays.asList(id, requestedBy, now, channelName, requeued.rowCount())))
                                .invoke(() -> Log.infof(
                                        "%d failed notifications re-queued by %s (batch %s)",
                                        requeued.rowCount(), requestedBy, id))))
                .flatMap(done -> find(id).map(Optional::orElseThrow));
    }

    public Uni<Optional<Batch>> find(UUID id) {
        return pool.preparedQuery(
                        "select id, requested_by, requested_at, channel, total from resend_batch where id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> rows.size() == 0
                        ? Uni.createFrom().item(Optional.<Batch>empty())
                        : counted(rows.iterator().next()).map(Optional::of));
    }

    /** The latest batches, newest first. */
    public Uni<List<Batch>> recent(int limit) {
        return pool.preparedQuery("select id, requested_by, requested_at, channel, total from resend_batch"
                        + " order by requested_at desc limit $1")
                .execute(Tuple.of(limit))
                .flatMap(rows -> {
                    List<Uni<Batch>> batches = StreamSupport.stream(rows.spliterator(), false)
                            .map(this::counted)
                            .toList();
                    return batches.isEmpty()
                            ? Uni.createFrom().item(List.<Batch>of())
                            : Uni.join().all(batches).andFailFast();
                });
    }

    private Uni<Batch> counted(Row batch) {
        UUID id = batch.getUUID("id");
        return pool.preparedQuery(
                        "select status, count(*) from notification where resend_batch_id = $1 group by status")
                .execute(Tuple.of(id))
                .map(rows -> {
                    Map<NotificationStatus, Integer> byStatus = new EnumMap<>(NotificationStatus.class);
                    rows.forEach(row -> byStatus.put(
                            NotificationStatus.valueOf(row.getString(0)),
                            row.getLong(1).intValue()));
                    String channel = batch.getString("channel");
                    return new Batch(
                            id,
                            batch.getString("requested_by"),
                            batch.getOffsetDateTime("requested_at").toInstant(),
                            channel == null ? null : NotificationChannel.valueOf(channel),
                            batch.getInteger("total"),
                            byStatus);
                });
    }
}
