package cn.jxquality.cases.reward.claim;

import cn.jxquality.platform.throttle.Throttle;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Throttles wrong claim credentials like the status lookup (DESIGN §8): after {@code rewards.claims.max-failures}
 * failed tries per tracking number or per client address within {@code rewards.claims.failure-window}, further
 * claims answer 429 with {@code Retry-After} until the oldest failure leaves the window. The platform's
 * {@link Throttle}: counted in the database (every replica sees the same count) under keyed hashes, purged when the
 * window has passed.
 */
@ApplicationScoped
public class ClaimThrottle {

    private final Throttle throttle;

    ClaimThrottle(Pool pool, ClaimCipher cipher, ClaimThrottleConfig config) {
        this.throttle = new Throttle(
                pool,
                "reward-claim",
                new Throttle.Limit(config.maxFailures(), config.failureWindow()),
                cipher::keyedHash,
                "Too many wrong tracking numbers or query codes; try again later.");
    }

    /** Fails with 429 when the tracking number or the client has used up its tries. */
    public Uni<Void> checkOpen(String trackingNumber, String client) {
        return throttle.checkOpen(number(trackingNumber), client(client));
    }

    /** Counts one failure against the client, and against the number if this client had not failed on it yet. */
    public Uni<Void> recordFailure(String trackingNumber, String client) {
        return throttle.failed(number(trackingNumber), client(client));
    }

    /**
     * {@code claim} (its check, the credential and identity checks, a failure's count) one at a time per tracking
     * number; not per client, whom a carrier's NAT may share.
     */
    public <T> Uni<T> oneAtATime(String trackingNumber, Supplier<Uni<T>> claim) {
        return throttle.oneAtATime(claim, number(trackingNumber));
    }

    static String number(String trackingNumber) {
        return "number:" + trackingNumber.strip();
    }

    static String client(String client) {
        return "client:" + client;
    }
}
