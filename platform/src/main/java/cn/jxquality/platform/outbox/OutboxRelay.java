package cn.jxquality.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

/**
 * Publishes the outbox. A batch is leased with {@code FOR UPDATE SKIP LOCKED}, so any number of replicas
 * share the work; a row is marked sent only after the broker acknowledged it, so a crash between send
 * and mark re-sends (consumers drop the duplicate by event id) but never loses an event. The same relay runs in
 * every service that declares {@link OutboxTopics}, over that service's own {@code outbox_event} table.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long NO_TIMER = -1;

    static final String LEASE_BATCH = """
            UPDATE outbox_event SET lease_until = now() + make_interval(secs => $2), attempts = attempts + 1
            WHERE id IN (SELECT id FROM outbox_event
                         WHERE sent_at IS NULL AND (lease_until IS NULL OR lease_until < now())
                         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING id, topic, aggregate_id, type, subject, payload, created_at,
                      coalesce(record_key, aggregate_id::text) AS record_key""";
    static final String MARK_SENT =
            "UPDATE outbox_event SET sent_at = now(), lease_until = NULL, last_error = NULL" + " WHERE id = ANY($1)";
    static final String MARK_FAILED = "UPDATE outbox_event SET last_error = $2,"
            + " lease_until = now() + make_interval(secs => $3) WHERE id = ANY($1)";

    private final Pool pool;
    private final Vertx vertx;
    private final EventPublisher publisher;
    private final int batchSize;
    private final int leaseSeconds;
    private final int retryDelaySeconds;
    private final long idlePollMillis;
    private final boolean enabled;
    private volatile boolean stopped;
    /** The pending idle wait's timer, which {@link #wake()} may cut short. */
    private final AtomicLong idleTimer = new AtomicLong(NO_TIMER);

    @Inject
    OutboxRelay(Pool pool, Vertx vertx, EventPublisher publisher, OutboxConfig config, Instance<OutboxTopics> topics) {
        this(pool, vertx, publisher, config, topics.isResolvable());
    }

    /** {@code enabled}: the service publishes events (declares its {@link OutboxTopics}). */
    OutboxRelay(Pool pool, Vertx vertx, EventPublisher publisher, OutboxConfig config, boolean enabled) {
        this.pool = pool;
        this.vertx = vertx;
        this.publisher = publisher;
        this.batchSize = config.batchSize();
        this.leaseSeconds = config.leaseSeconds();
        this.retryDelaySeconds = config.retryDelaySeconds();
        this.idlePollMillis = config.idlePoll().toMillis();
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return; // the service publishes no events
        }
        scheduleNext(Duration.ofSeconds(1).toMillis(), false);
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopped = true;
    }

    /**
     * Rows were just committed by this instance: relay them now rather than when the idle wait ends. Does nothing
     * while a pass runs or waits after a failure (the pass in progress, or the next, takes them).
     */
    public void wake() {
        if (!enabled) {
            return;
        }
        long timer = idleTimer.getAndSet(NO_TIMER);
        if (timer != NO_TIMER && vertx.cancelTimer(timer)) {
            scheduleNext(1, false);
        }
    }

    /**
     * A self-rescheduling loop on the event loop rather than {@code @Scheduled}, whose floor is one second:
     * a full batch runs again at once, an empty pass waits {@code outbox.idle-poll} or until {@link #wake()}.
     */
    private void scheduleNext(long delayMillis, boolean idle) {
        if (stopped) {
            return;
        }
        long timer = vertx.setTimer(Math.max(1, delayMillis), fired -> {
            idleTimer.compareAndSet(fired, NO_TIMER);
            relayOnce()
                    .subscribe()
                    .with(published -> scheduleNext(published > 0 ? 1 : idlePollMillis, published == 0), failure -> {
                        Log.warnf("Outbox relay pass failed: %s", failure.getMessage());
                        scheduleNext(idlePollMillis * 10, false);
                    });
        });
        if (idle) {
            idleTimer.set(timer);
        }
    }

    /** One pass: lease a batch, publish it, mark what the broker acknowledged. Yields how many were leased. */
    Uni<Integer> relayOnce() {
        return leaseBatch().flatMap(events -> publishAll(events).replaceWith(events.size()));
    }

    Uni<List<PendingEvent>> leaseBatch() {
        return pool.preparedQuery(LEASE_BATCH)
                .execute(Tuple.of(batchSize, leaseSeconds))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(OutboxRelay::pending)
                        .sorted(Comparator.comparing(PendingEvent::createdAt))
                        .toList());
    }

    private Uni<Void> publishAll(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<UUID>> sends = new ArrayList<>(events.size());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        for (PendingEvent event : events) {
            sends.add(
                    publisher.publish(event).replaceWith(event.id()).onFailure().recoverWithItem(e -> {
                        errors.add(e.getMessage());
                        return null;
                    }));
        }
        return Uni.join().all(sends).andCollectFailures().flatMap(results -> {
            List<UUID> sent = results.stream().filter(Objects::nonNull).toList();
            List<UUID> failed = events.stream()
                    .map(PendingEvent::id)
                    .filter(id -> !sent.contains(id))
                    .toList();
            return markSent(sent).flatMap(v -> markFailed(failed, errors));
        });
    }

    private Uni<Void> markSent(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(MARK_SENT)
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    private Uni<Void> markFailed(List<UUID> ids, List<String> errors) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String error = errors.isEmpty() ? "unknown" : errors.get(0);
        Log.warnf("%d outbox event(s) not acknowledged, retrying in %ds: %s", ids.size(), retryDelaySeconds, error);
        return pool.preparedQuery(MARK_FAILED)
                .execute(Tuple.of(
                        ids.toArray(UUID[]::new), error.substring(0, Math.min(500, error.length())), retryDelaySeconds))
                .replaceWithVoid();
    }

    private static PendingEvent pending(Row row) {
        return new PendingEvent(
                row.getUUID("id"),
                row.getString("topic"),
                row.getUUID("aggregate_id"),
                row.getString("type"),
                row.getString("subject"),
                row.getString("payload"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getString("record_key"));
    }
}
