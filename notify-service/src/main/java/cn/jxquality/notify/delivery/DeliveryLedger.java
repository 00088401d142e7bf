package cn.jxquality.notify.delivery;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** The state changes of a notification's delivery; every change also ends the dispatcher's lease. */
@ApplicationScoped
public class DeliveryLedger {

    /** Due rows are leased with SKIP LOCKED: two replicas never take the same row in the same lease. */
    static final String LEASE = "update notification set lease_until = $2 where id in ("
            + " select id from notification where status in ('PENDING', 'DEFERRED') and next_attempt_at <= $1"
            + " and (lease_until is null or lease_until < $1) order by next_attempt_at limit $3"
            + " for update skip locked) returning " + PendingNotification.COLUMNS;

    static final String SENT = "update notification set status = 'SENT', attempts = attempts + 1, sent_at = $2,"
            + " language = $3, subject = $4, body = $5, last_error = null, lease_until = null where id = $1";
    static final String RETRY = "update notification set status = 'PENDING', attempts = attempts + 1,"
            + " last_error = $2, next_attempt_at = $3, lease_until = null where id = $1";
    static final String DEFER =
            "update notification set status = 'DEFERRED', next_attempt_at = $2, lease_until = null where id = $1";
    static final String SKIP =
            "update notification set status = 'SKIPPED', last_error = $2, lease_until = null" + " where id = $1";
    /**
     * The last try is counted and the row marked given up before the DLQ record is sent; the row stays leased until
     * {@link #FAIL}, and if the ack never comes a later lease only publishes the record again (never sends again).
     */
    static final String LAST_TRY =
            "update notification set attempts = attempts + 1, last_error = $2, given_up_at = $3 where id = $1";

    static final String FAIL = "update notification set status = 'FAILED', lease_until = null where id = $1";

    private final Pool pool;

    DeliveryLedger(Pool pool) {
        this.pool = pool;
    }

    Uni<List<PendingNotification>> lease(Instant now, Instant leaseUntil, int batchSize) {
        return pool.preparedQuery(LEASE)
                .execute(Tuple.of(utc(now), utc(leaseUntil), batchSize))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(PendingNotification::of)
                        .toList());
    }

    Uni<Void> sent(UUID id, Instant at, String language, String subject, String body) {
        return update(SENT, Tuple.of(id, utc(at), language, subject, body));
    }

    Uni<Void> retry(UUID id, String error, Instant next) {
        return update(RETRY, Tuple.of(id, clip(error), utc(next)));
    }

    Uni<Void> defer(UUID id, Instant until) {
        return update(DEFER, Tuple.of(id, utc(until)));
    }

    Uni<Void> skip(UUID id, String reason) {
        return update(SKIP, Tuple.of(id, clip(reason)));
    }

    Uni<Void> lastTry(UUID id, String error, Instant at) {
        return update(LAST_TRY, Tuple.of(id, clip(error), utc(at)));
    }

    Uni<Void> fail(UUID id) {
        return update(FAIL, Tuple.of(id));
    }

    private Uni<Void> update(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
