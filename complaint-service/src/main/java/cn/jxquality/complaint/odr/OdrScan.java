package cn.jxquality.complaint.odr;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Ends what time ends: complaints the enterprise left unanswered past its 10 working days go to the department
 * (lapsed), and settlements the citizen did not dispute in time stand. Each is taken by a statement that moves it only
 * from the state it expects, so replicas scanning at once, or an answer arriving meanwhile, never end one twice.
 */
@ApplicationScoped
public class OdrScan {

    static final String DUE = "SELECT " + OdrReferral.COLUMNS
            + " FROM odr_referral r JOIN complaint c ON c.id = r.complaint_id"
            + " WHERE r.state = 'WITH_ENTERPRISE' AND r.due_at <= $1 ORDER BY r.due_at LIMIT $2";

    static final String STANDING = "SELECT " + OdrReferral.COLUMNS
            + " FROM odr_referral r JOIN complaint c ON c.id = r.complaint_id"
            + " WHERE r.state = 'SETTLED' AND r.answer_by <= $1 ORDER BY r.answer_by LIMIT $2";

    private final Pool pool;
    private final OdrSteps steps;
    private final OdrConfig config;

    OdrScan(Pool pool, OdrSteps steps, OdrConfig config) {
        this.pool = pool;
        this.steps = steps;
        this.config = config;
    }

    @Scheduled(
            identity = "odr-scan",
            every = "${odr.scan-every:30s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan(OdrSteps.now()).replaceWithVoid();
    }

    /** Ends what is due at {@code now}; the number ended. */
    public Uni<Integer> scan(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Uni<Integer> lapsed = pool.preparedQuery(DUE)
                .execute(Tuple.of(at, config.scanBatch()))
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(OdrReferral::of)
                .onItem()
                .transformToUniAndConcatenate(referral -> steps.lapse(referral, now))
                .filter(Boolean::booleanValue)
                .collect()
                .with(java.util.stream.Collectors.counting())
                .map(Long::intValue);
        Uni<Integer> stood = pool.preparedQuery(STANDING)
                .execute(Tuple.of(at, config.scanBatch()))
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(OdrReferral::of)
                .onItem()
                .transformToUniAndConcatenate(referral -> steps.settlementStands(referral, now))
                .filter(Boolean::booleanValue)
                .collect()
                .with(java.util.stream.Collectors.counting())
                .map(Long::intValue);
        return lapsed.flatMap(first -> stood.map(second -> first + second));
    }
}
