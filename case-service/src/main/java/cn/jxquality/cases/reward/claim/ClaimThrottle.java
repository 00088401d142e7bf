package cn.jxquality.cases.reward.claim;

import cn.jxquality.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles wrong claim credentials like the status lookup (DESIGN §8): after {@code rewards.claims.max-failures}
 * failed tries per tracking number or per client address within {@code rewards.claims.failure-window}, further
 * claims answer 429 with {@code Retry-After} until the oldest failure leaves the window. Counted in the database,
 * so every replica sees the same count.
 */
@ApplicationScoped
public class ClaimThrottle {

    static final String COUNT = """
            SELECT count(*) AS failures,
                   ceil(extract(epoch FROM min(at) + make_interval(secs => $2) - now()))::bigint AS retry_after
            FROM reward_claim_failure WHERE %s = $1 AND at > now() - make_interval(secs => $2)""";
    static final String RECORD =
            "INSERT INTO reward_claim_failure (tracking_number, client_address, at) VALUES ($1, $2, now())";

    private final Pool pool;
    private final int maxFailures;
    private final int windowSeconds;

    ClaimThrottle(
            Pool pool,
            @ConfigProperty(name = "rewards.claims.max-failures", defaultValue = "10") int maxFailures,
            @ConfigProperty(name = "rewards.claims.failure-window", defaultValue = "PT15M") Duration window) {
        this.pool = pool;
        this.maxFailures = maxFailures;
        this.windowSeconds = (int) window.toSeconds();
    }

    /** Fails with 429 when the tracking number or the client has used up its tries. */
    public Uni<Void> checkOpen(String trackingNumber, String client) {
        return blocked("tracking_number", trackingNumber)
                .flatMap(byNumber -> byNumber > 0 ? Uni.createFrom().item(byNumber) : blocked("client_address", client))
                .map(retryAfter -> {
                    if (retryAfter > 0) {
                        throw ProblemException.tooManyRequests(
                                "Too many wrong tracking numbers or query codes; try again later.", retryAfter);
                    }
                    return null;
                });
    }

    public Uni<Void> recordFailure(String trackingNumber, String client) {
        return pool.preparedQuery(RECORD)
                .execute(Tuple.of(trackingNumber, client))
                .replaceWithVoid();
    }

    /** Seconds until the key may try again; 0 when it may now. */
    private Uni<Long> blocked(String column, String value) {
        return pool.preparedQuery(COUNT.formatted(column))
                .execute(Tuple.of(value, windowSeconds))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return row.getLong("failures") >= maxFailures ? Math.max(1, row.getLong("retry_after")) : 0L;
                });
    }
}
