package cn.jxquality.notify.optout;

import cn.jxquality.platform.throttle.Throttle;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Failed opt-outs, counted per tracking number and per client by the platform's {@link Throttle} (every replica
 * sees the same count), as DESIGN §8 asks of public endpoints. Keys are hashed with the opt-out key: no number or
 * address is stored.
 */
@ApplicationScoped
public class OptOutThrottle {

    private final Pool pool;
    private final Throttle.Limit limit;

    OptOutThrottle(Pool pool, OptOutConfig config) {
        this.pool = pool;
        this.limit = new Throttle.Limit(config.maxFailures(), config.window());
    }

    /** Fails with a 429 carrying {@code Retry-After} when the number or the client used up its tries. */
    Uni<Void> checkOpen(OptOutCodes codes, String trackingNumber, String client) {
        return throttle(codes).checkOpen("number:" + trackingNumber, "client:" + client);
    }

    /** Counts one failure against the client, and against the number if this client had not failed on it yet. */
    Uni<Void> recordFailure(OptOutCodes codes, String trackingNumber, String client) {
        return throttle(codes).failed("number:" + trackingNumber, "client:" + client);
    }

    /** {@code attempt} run while no other opt-out of this number runs in this instance (not per client: NATs). */
    <T> Uni<T> oneAtATime(OptOutCodes codes, String trackingNumber, Supplier<Uni<T>> attempt) {
        return throttle(codes).oneAtATime(attempt, "number:" + trackingNumber);
    }

    private Throttle throttle(OptOutCodes codes) {
        return new Throttle(pool, "opt-out", limit, codes::keyedHash, "Too many failed opt-outs; try again later.");
    }
}
