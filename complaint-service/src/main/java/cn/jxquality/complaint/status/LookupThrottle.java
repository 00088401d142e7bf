package cn.jxquality.complaint.status;

import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts failed status lookups per tracking number and per client in PostgreSQL, so every replica sees the
 * same count. Keys are keyed hashes: neither numbers nor client addresses are stored in clear.
 */
@ApplicationScoped
public class LookupThrottle {

    /** Seconds until the {@code max}-th most recent failure of either key leaves the window; no row when open. */
    static final String WAIT = """
            SELECT ceil(extract(epoch FROM max(failed_at) + make_interval(secs => $3) - now()))::bigint AS wait
            FROM (SELECT (SELECT failed_at FROM status_lookup_failure
                          WHERE throttle_key = k AND failed_at > now() - make_interval(secs => $3)
                          ORDER BY failed_at DESC OFFSET $4 LIMIT 1) AS failed_at
                  FROM unnest(ARRAY[$1::bytea, $2::bytea]) AS k) counted""";

    static final String FAIL =
            "INSERT INTO status_lookup_failure (throttle_key, failed_at) VALUES ($1, now()), ($2, now())";
    static final String FAIL_NUMBER = "INSERT INTO status_lookup_failure (throttle_key, failed_at) VALUES ($1, now())";
    static final String PURGE = "DELETE FROM status_lookup_failure WHERE failed_at < now() - make_interval(secs => $1)";

    private final Pool pool;
    private final BlindIndex blindIndex;
    private final StatusLookupConfig config;

    LookupThrottle(Pool pool, BlindIndex blindIndex, StatusLookupConfig config) {
        this.pool = pool;
        this.blindIndex = blindIndex;
        this.config = config;
    }

    /** Fails with a 429 carrying {@code Retry-After} when the number or the client used up its tries. */
    public Uni<Void> checkOpen(String trackingNumber, String client) {
        return pool.preparedQuery(WAIT)
                .execute(Tuple.wrap(waitParameters(trackingNumber, client)))
                .map(rows -> {
                    failIfWaiting(rows.iterator().next().getLong("wait"));
                    return null;
                });
    }

    /**
     * For a service checking a citizen's credentials on the citizen's behalf (case-service's reward claim): only
     * the number's tries count, since the calling service is no single client.
     */
    public Uni<Void> checkOpen(String trackingNumber) {
        Buffer number = numberKey(trackingNumber);
        return pool.preparedQuery(WAIT)
                .execute(Tuple.of(number, number, windowSeconds(), offset()))
                .map(rows -> {
                    failIfWaiting(rows.iterator().next().getLong("wait"));
                    return null;
                });
    }

    /** Counts one failure against the number only (see {@link #checkOpen(String)}). */
    public Uni<Void> recordFailure(String trackingNumber) {
        return pool.preparedQuery(FAIL_NUMBER)
                .execute(Tuple.of(numberKey(trackingNumber)))
                .replaceWithVoid();
    }

    /**
     * The parameters {@code $1} to {@code $4} of {@link #WAIT}, for a statement that embeds it. A mutable list: the
     * SQL client converts parameter values in place, and an immutable one would fail the query without an answer.
     */
    List<Object> waitParameters(String trackingNumber, String client) {
        return new ArrayList<>(List.of(numberKey(trackingNumber), clientKey(client), windowSeconds(), offset()));
    }

    /** The 429 for a positive {@code wait} (seconds) read with {@link #WAIT}. */
    static void failIfWaiting(Long wait) {
        if (wait != null && wait > 0) {
            throw ProblemException.tooManyRequests("Too many failed lookups; try again later.", wait);
        }
    }

    /** Counts one failure against both the number and the client. */
    public Uni<Void> recordFailure(String trackingNumber, String client) {
        return pool.preparedQuery(FAIL)
                .execute(Tuple.of(numberKey(trackingNumber), clientKey(client)))
                .replaceWithVoid();
    }

    @Scheduled(identity = "lookup-failure-purge", every = "5m", delayed = "1m")
    Uni<Void> purge() {
        return pool.preparedQuery(PURGE)
                .execute(Tuple.of(windowSeconds()))
                .onFailure()
                .invoke(e -> Log.warnf("Purging old lookup failures failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Buffer numberKey(String trackingNumber) {
        return Buffer.buffer(
                blindIndex.of("lookup-number", trackingNumber.strip().toUpperCase(Locale.ROOT)));
    }

    private Buffer clientKey(String client) {
        return Buffer.buffer(blindIndex.of("lookup-client", client));
    }

    private int windowSeconds() {
        return (int) config.window().toSeconds();
    }

    private int offset() {
        return config.maxFailures() - 1;
    }
}
