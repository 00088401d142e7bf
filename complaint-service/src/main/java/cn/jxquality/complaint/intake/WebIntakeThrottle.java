package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.platform.throttle.Throttle;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits anonymous web submissions per client with the platform's {@link Throttle} (counted in PostgreSQL under a
 * keyed hash of the client address, so every replica sees the same count). Logged-in callers (operators) and
 * Open311 clients (API keys) are not limited.
 */
@ApplicationScoped
public class WebIntakeThrottle {

    private final Throttle throttle;

    WebIntakeThrottle(Pool pool, BlindIndex blindIndex, WebIntakeConfig config) {
        this.throttle = new Throttle(
                pool,
                "web-intake",
                new Throttle.Limit(config.maxSubmissions(), config.window()),
                key -> blindIndex.of("throttle", key),
                "Too many submissions from this address; try again later or call 12315 / 12365.");
    }

    /** Fails with a 429 carrying {@code Retry-After} when the client used up its submissions. */
    public Uni<Void> checkOpen(String client) {
        return throttle.checkOpen(client);
    }

    /** Counts one registered submission against the client. */
    public Uni<Void> count(String client) {
        return throttle.hit(client);
    }
}
