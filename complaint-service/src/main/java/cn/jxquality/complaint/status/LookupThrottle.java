package cn.jxquality.complaint.status;

import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.platform.throttle.Throttle;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Failed tries of a tracking number and query code (status look-ups, feedback, evidence, a claim's credential check),
 * counted by the platform's {@link Throttle} (every replica sees the same count; numbers and addresses are stored only
 * as keyed hashes): per client every time, per number once per client, so a stranger cannot close a citizen's own
 * complaint. A try runs through {@link #oneAtATime} so that parallel tries of one number are checked and counted one
 * after another.
 */
@ApplicationScoped
public class LookupThrottle {

    private final Throttle throttle;

    LookupThrottle(Pool pool, BlindIndex blindIndex, StatusLookupConfig config) {
        this.throttle = new Throttle(
                pool,
                "status-lookup",
                new Throttle.Limit(config.maxFailures(), config.window()),
                key -> blindIndex.of("throttle", key),
                "Too many failed lookups; try again later.");
    }

    /** Fails with a 429 carrying {@code Retry-After} when the number or the client used up its tries. */
    public Uni<Void> checkOpen(String trackingNumber, String client) {
        return throttle.checkOpen(number(trackingNumber), client(client));
    }

    /**
     * For a service checking a citizen's credentials on the citizen's behalf (case-service's reward claim): only
     * the number's tries count, since the calling service is no single client.
     */
    public Uni<Void> checkOpen(String trackingNumber) {
        return throttle.checkOpen(number(trackingNumber));
    }

    /**
     * Counts one failure of a service checking credentials on a citizen's behalf (see {@link #checkOpen(String)}):
     * against the number once per window, as one client; the calling service throttles its own clients.
     */
    public Uni<Void> recordFailure(String trackingNumber) {
        return throttle.failed(number(trackingNumber), "service");
    }

    /** Counts one failure against the client, and against the number if this client had not failed on it yet. */
    public Uni<Void> recordFailure(String trackingNumber, String client) {
        return throttle.failed(number(trackingNumber), client(client));
    }

    /**
     * {@code attempt} run while no other try of this number runs in this instance. Not per client: citizens behind one
     * carrier's NAT share an address, and their look-ups must not queue behind each other.
     */
    public <T> Uni<T> oneAtATime(String trackingNumber, Supplier<Uni<T>> attempt) {
        return throttle.oneAtATime(attempt, number(trackingNumber));
    }

    /** The parameters {@code $1} to {@code $4} of {@link Throttle#WAIT}, for a statement that embeds it. */
    List<Object> waitParameters(String trackingNumber, String client) {
        return throttle.waitParameters(number(trackingNumber), client(client));
    }

    /** The 429 for a positive {@code wait} (seconds) read with {@link Throttle#WAIT}. */
    void failIfWaiting(Long wait) {
        throttle.failIfWaiting(wait);
    }

    private static String number(String trackingNumber) {
        return "number:" + trackingNumber.strip().toUpperCase(Locale.ROOT);
    }

    private static String client(String client) {
        return "client:" + client;
    }
}
