package cn.jxquality.notify.delivery;

import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.platform.messaging.EventRetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/** The state changes of a notification's delivery; every change also ends the dispatcher's lease. */
@ApplicationScoped
public class DeliveryLedger {

    /**
     * Due rows are leased with SKIP LOCKED: two replicas never take the same row in the same lease. A row's message
     * may have gone out already ({@code in_doubt}) when its last try's answer was lost ({@code outcome_unknown}, see
     * {@link #RETRY}) or when that try ended with no outcome at all: every outcome ends the lease ({@code lease_until =
     * null}), so a lease that ran out means its dispatcher died, or the database was away, before the outcome landed.
     */
    static final String LEASE = "update notification set lease_until = $2 from ("
            + " select id as due_id, lease_until as lease_before from notification"
            + " where status in ('PENDING', 'DEFERRED') and next_attempt_at <= $1"
            + " and (lease_until is null or lease_until < $1) order by next_attempt_at limit $3"
            + " for update skip locked) due where notification.id = due.due_id"
            + " returning " + PendingNotification.COLUMNS
            + ", due.lease_before is not null or notification.outcome_unknown as in_doubt";

    /**
     * Marks sent rows, any number at once: the marks that arrive while one statement is at the database go together
     * in the next ({@link #sent}), one commit for many rather than one each.
     */
    static final String SENT = """
            update notification n set status = 'SENT', attempts = n.attempts + 1, sent_at = s.sent_at,
                language = s.language, subject = s.subject, body = s.body, last_error = null, lease_until = null,
                outcome_unknown = false
            from unnest($1::uuid[], $2::timestamptz[], $3::varchar[], $4::varchar[], $5::text[])
              as s (id, sent_at, language, subject, body)
            where n.id = s.id""";

    /** A failed try, due again at $3; $4 whether its message may have arrived all the same (a lost answer). */
    static final String RETRY = "update notification set status = 'PENDING', attempts = attempts + 1,"
            + " last_error = $2, next_attempt_at = $3, outcome_unknown = $4, lease_until = null where id = $1";
    /** Due again later with no try counted: the contact look-up met an outage (DeliveryAttempt#waitOut). */
    static final String WAIT_OUT = "update notification set status = 'PENDING', last_error = $2, next_attempt_at = $3,"
            + " lease_until = null where id = $1";

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

    /**
     * A channel's notices waiting to try again (not those never tried, not those held for quiet hours) due now, each
     * given back the try it is made to spend early: the channel may only seem back (a gateway that flaps took one
     * message), and a flapping gateway must not use up the notices' tries (scenario 6 of RELIABILITY.md gave 228 up).
     */
    static final String RETRY_NOW = "update notification set next_attempt_at = $2, attempts = attempts - 1"
            + " where status = 'PENDING' and channel = $1 and attempts > 0 and next_attempt_at > $2";

    private final Pool pool;
    /** Sent marks waiting for the statement in flight to end; guarded by {@code this}. */
    private final List<SentMark> waiting = new ArrayList<>();
    /** The rows whose message went out and whose sent mark has not landed yet. */
    private final Set<UUID> marksPending = ConcurrentHashMap.newKeySet();
    /** Whether a statement of sent marks is at the database; guarded by {@code this}. */
    private boolean marking;

    DeliveryLedger(Pool pool) {
        this.pool = pool;
    }

    private record SentMark(
            UUID id, OffsetDateTime at, String language, String subject, String body, UniEmitter<? super Void> done) {}

    /**
     * Due rows, leased. Not one this process sent and is still marking: its lease may have run out while the database
     * was away, but its message went out and its mark will land (see {@link #sent}).
     */
    Uni<List<PendingNotification>> lease(Instant now, Instant leaseUntil, int batchSize) {
        return pool.preparedQuery(LEASE)
                .execute(Tuple.of(utc(now), utc(leaseUntil), batchSize))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(PendingNotification::of)
                        .filter(n -> !marksPending.contains(n.id()))
                        .toList());
    }

    /**
     * Completes once the row is marked sent and committed. A mark waits only while another statement of marks is at
     * the database, then goes with every mark that arrived meanwhile. The channel has taken the message, so the mark
     * must land: should the database be away, it is tried again until it is back ({@link EventRetry}), and meanwhile
     * this process leases the row to nobody, though its lease run out ({@link #lease}): else the message would go out
     * a second time. Another failure fails each mark of the statement (the rows keep their lease).
     */
    Uni<Void> sent(UUID id, Instant at, String language, String subject, String body) {
        return Uni.createFrom()
                .deferred(() -> {
                    marksPending.add(id);
                    return EventRetry.<Void>attempt(
                            () -> Uni.createFrom().emitter(done -> {
                                synchronized (this) {
                                    waiting.add(new SentMark(id, utc(at), language, subject, body, done));
                                }
                                markWaiting();
                            }),
                            0,
                            failure -> true);
                })
                .eventually(() -> marksPending.remove(id));
    }

    private void markWaiting() {
        List<SentMark> marks;
        synchronized (this) {
            if (marking || waiting.isEmpty()) {
                return;
            }
            marking = true;
            marks = List.copyOf(waiting);
            waiting.clear();
        }
        pool.preparedQuery(SENT)
                .execute(Tuple.of(
                        marks.stream().map(SentMark::id).toArray(UUID[]::new),
                        marks.stream().map(SentMark::at).toArray(OffsetDateTime[]::new),
                        marks.stream().map(SentMark::language).toArray(String[]::new),
                        marks.stream().map(SentMark::subject).toArray(String[]::new),
                        marks.stream().map(SentMark::body).toArray(String[]::new)))
                .subscribe()
                .with(
                        rows -> {
                            marked();
                            marks.forEach(mark -> mark.done().complete(null));
                        },
                        failure -> {
                            marked();
                            marks.forEach(mark -> mark.done().fail(failure));
                        });
    }

    private void marked() {
        synchronized (this) {
            marking = false;
        }
        markWaiting();
    }

    Uni<Void> retry(UUID id, String error, Instant next, boolean outcomeUnknown) {
        return update(RETRY, Tuple.of(id, clip(error), utc(next), outcomeUnknown));
    }

    Uni<Void> waitOut(UUID id, String error, Instant next) {
        return update(WAIT_OUT, Tuple.of(id, clip(error), utc(next)));
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

    /** How many of {@code channel}'s retries were made due at {@code now}. */
    Uni<Integer> retryNow(NotificationChannel channel, Instant now) {
        return pool.preparedQuery(RETRY_NOW)
                .execute(Tuple.of(channel.name(), utc(now)))
                .map(rows -> rows.rowCount());
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
