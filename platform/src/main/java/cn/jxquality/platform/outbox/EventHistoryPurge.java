package cn.jxquality.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Keeps what a service remembers of its events from growing with the traffic: sent outbox rows older than
 * {@code outbox.sent-retention} (7 days) and consumed event ids older than {@code outbox.processed-event-retention}
 * (30 days), in every service that has those tables. Deletes in batches of {@value #BATCH} rows, each its own short
 * statement, at most {@value #MAX_BATCHES} batches a run, so a backlog is worked off over several runs without long
 * locks; the rows are found by an index on their time (the services' migrations).
 */
@ApplicationScoped
public class EventHistoryPurge {

    static final int BATCH = 5_000;
    static final int MAX_BATCHES = 40;

    static final String SENT = """
            DELETE FROM outbox_event WHERE id IN (
                SELECT id FROM outbox_event WHERE sent_at < now() - make_interval(secs => $1) LIMIT $2)""";
    static final String PROCESSED = """
            DELETE FROM processed_event WHERE event_id IN (
                SELECT event_id FROM processed_event WHERE processed_at < now() - make_interval(secs => $1) LIMIT $2)""";
    static final String HAS_PROCESSED = "SELECT to_regclass('processed_event') IS NOT NULL";

    private final Pool pool;
    private final boolean publishes;
    private final Duration sentRetention;
    private final Duration processedRetention;

    @Inject
    EventHistoryPurge(Pool pool, OutboxConfig config, Instance<OutboxTopics> topics) {
        this(pool, config, topics.isResolvable());
    }

    /** {@code publishes}: the service has an outbox (declares its {@link OutboxTopics}). */
    EventHistoryPurge(Pool pool, OutboxConfig config, boolean publishes) {
        this.pool = pool;
        this.publishes = publishes;
        this.sentRetention = config.sentRetention();
        this.processedRetention = config.processedEventRetention();
    }

    @Scheduled(identity = "event-history-purge", every = "10m", delayed = "2m")
    Uni<Void> purge() {
        Uni<Long> sent = publishes
                ? deleteOld(SENT, sentRetention, 0, 0L)
                : Uni.createFrom().item(0L);
        return sent.flatMap(sentRows -> pool.query(HAS_PROCESSED)
                        .execute()
                        .flatMap(rows -> rows.iterator().next().getBoolean(0)
                                ? deleteOld(PROCESSED, processedRetention, 0, 0L)
                                : Uni.createFrom().item(0L))
                        .invoke(processedRows -> {
                            if (sentRows + processedRows > 0) {
                                Log.infof(
                                        "Purged %d sent outbox rows and %d consumed event ids past their retention",
                                        sentRows, processedRows);
                            }
                        }))
                .onFailure()
                .invoke(e -> Log.warnf("Purging old outbox rows and event ids failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One batch after the other while batches come back full, up to {@link #MAX_BATCHES}; yields the rows deleted. */
    private Uni<Long> deleteOld(String sql, Duration retention, int batches, long deleted) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(retention.toSeconds(), BATCH))
                .flatMap(rows -> rows.rowCount() == BATCH && batches + 1 < MAX_BATCHES
                        ? deleteOld(sql, retention, batches + 1, deleted + rows.rowCount())
                        : Uni.createFrom().item(deleted + rows.rowCount()));
    }
}
