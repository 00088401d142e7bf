package cn.jxquality.cases.handling;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;

/**
 * Mediation ends when its 60 days run out (SAMR Order 121): the deadline scheduler has marked the clock overdue and
 * opened the escalation; here each such complaint still in mediation is resolved {@code MEDIATION_ENDED} on the ground
 * {@code TIME_LIMIT_EXPIRED} ({@link CaseHandling#endMediationAtTheLimit}), one transaction each. A case found again
 * (a crash between the two, a replica) is simply ended on the next scan; one that moved on meanwhile is left alone.
 */
@ApplicationScoped
public class MediationTimeLimit {

    static final String EXPIRED = """
            SELECT c.id FROM deadline_clock d JOIN case_file c ON c.id = d.case_id
            WHERE d.name = 'mediationEndsBy' AND d.stopped_at IS NULL AND d.paused_at IS NULL
              AND d.overdue_at IS NOT NULL AND c.kind = 'COMPLAINT' AND c.state IN ('ACCEPTED', 'IN_MEDIATION')
            ORDER BY d.due_at
            LIMIT $1""";
    static final int BATCH = 100;

    private final Pool pool;
    private final CaseHandling handling;

    MediationTimeLimit(Pool pool, CaseHandling handling) {
        this.pool = pool;
        this.handling = handling;
    }

    @Scheduled(
            identity = "mediation-time-limit",
            every = "${deadlines.scan-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledScan() {
        return endExpired()
                .invoke(ended -> {
                    if (ended > 0) {
                        Log.infof("Mediation time limit: %d complaint(s) ended after 60 days", ended);
                    }
                })
                .onFailure()
                .invoke(e -> Log.warn("Mediation time-limit scan failed; the next one takes over", e))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Ends every complaint whose mediation ran out (a batch at a time); the number ended. */
    public Uni<Integer> endExpired() {
        return pool.preparedQuery(EXPIRED)
                .execute(Tuple.of(BATCH))
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> row.getUUID("id"))
                .onItem()
                .transformToUniAndConcatenate(handling::endMediationAtTheLimit)
                .collect()
                .with(Collectors.summingInt(ended -> ended ? 1 : 0))
                .flatMap(ended -> ended == BATCH
                        ? endExpired().map(more -> ended + more)
                        : Uni.createFrom().item(ended));
    }
}
