package cn.jxquality.platform.throttle;

import cn.jxquality.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts hits (failed tries of a public endpoint, or anonymous submissions) per key in the service's own
 * {@code throttle_hit} table, so every replica sees the same count; after {@code max} hits of a key within
 * {@code window} it answers 429 with {@code Retry-After} until the oldest of them leaves the window. Keys are stored
 * only as keyed hashes (the service's secret), so no tracking number or client address is ever stored in clear, and
 * each row carries its own expiry, which {@link ThrottlePurge} deletes.
 *
 * <p>Tries of a citizen's credentials (issue 17 item 4) go through {@link #oneAtATime} with their tracking number: tries
 * of one number run one after another in this instance, each checked against the failures of those before it, so N
 * parallel wrong tries cannot all pass one check (across R instances at most R run at once: the limit may be passed by
 * R - 1). Not per client address: citizens behind one carrier's NAT share it, and their look-ups queued behind each
 * other cut the status look-up's throughput by a third (BENCHMARKS.md); a client's own count can be passed by the tries it has in
 * flight at once (at most the door's 60 per instance). A wrong try
 * is counted with {@link #failed}: against the client every time, against the tracking number once per client, so the
 * number closes only when {@code max} different clients failed on it (guessing spread out to evade the client limit),
 * and a stranger failing on purpose closes only their own client, never a citizen's own complaint.
 */
public final class Throttle {

    /**
     * Seconds until the {@code max}-th most recent hit of either key ({@code $1}, {@code $2}; the same key twice for
     * one) leaves the window ({@code $3} seconds, {@code $4} = max - 1); null while both are open. A statement may
     * embed it to answer in one round trip with {@link #waitParameters(String, String)}.
     */
    public static final String WAIT = """
            SELECT ceil(extract(epoch FROM max(hit_at) + make_interval(secs => $3) - now()))::bigint AS wait
            FROM (SELECT (SELECT hit_at FROM throttle_hit
                          WHERE throttle_key = k AND hit_at > now() - make_interval(secs => $3)
                          ORDER BY hit_at DESC OFFSET $4 LIMIT 1) AS hit_at
                  FROM unnest(ARRAY[$1::bytea, $2::bytea]) AS k) counted""";

    static final String HIT = "INSERT INTO throttle_hit (throttle_key, hit_at, expires_at)"
            + " SELECT k, now(), now() + make_interval(secs => $2) FROM unnest($1::bytea[]) AS k";

    /**
     * A failed try: the client ({@code $1}) and the pair of number and client ({@code $2}) counted every time, the
     * number ({@code $3}) only when the pair has no hit in the window ({@code $4} seconds) yet. The statement does not
     * see its own rows, so the pair's first failure counts the number.
     */
    static final String FAILED = "INSERT INTO throttle_hit (throttle_key, hit_at, expires_at)"
            + " SELECT k, now(), now() + make_interval(secs => $4) FROM unnest(ARRAY[$1::bytea, $2::bytea]) AS k"
            + " UNION ALL SELECT $3::bytea, now(), now() + make_interval(secs => $4)"
            + " WHERE NOT EXISTS (SELECT 1 FROM throttle_hit WHERE throttle_key = $2"
            + " AND hit_at > now() - make_interval(secs => $4))";

    /** Tries in flight in this JVM, by scope and key: shared by every throttle object of a scope. */
    private static final Turns TURNS = new Turns();

    /** How many hits per key a window allows. */
    public record Limit(int max, Duration window) {

        public Limit {
            if (max < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a throttle allows at least one hit in a positive window");
            }
        }
    }

    private final Pool pool;
    private final String scope;
    private final Limit limit;
    private final Function<String, byte[]> keyedHash;
    private final String refusal;

    /**
     * @param scope what is counted, e.g. {@code status-lookup}: part of every hashed key, so two throttles of one
     *     service never share a count
     * @param keyedHash the service's keyed hash (HMAC) of a key
     * @param refusal the 429's detail, e.g. "Too many failed lookups; try again later."
     */
    public Throttle(Pool pool, String scope, Limit limit, Function<String, byte[]> keyedHash, String refusal) {
        this.pool = pool;
        this.scope = scope;
        this.limit = limit;
        this.keyedHash = keyedHash;
        this.refusal = refusal;
    }

    /** Fails with a 429 carrying {@code Retry-After} when either key used up its hits. */
    public Uni<Void> checkOpen(String first, String second) {
        return pool.preparedQuery(WAIT)
                .execute(Tuple.wrap(waitParameters(first, second)))
                .map(rows -> {
                    failIfWaiting(rows.iterator().next().getLong("wait"));
                    return null;
                });
    }

    /** Fails with a 429 carrying {@code Retry-After} when the key used up its hits. */
    public Uni<Void> checkOpen(String key) {
        return checkOpen(key, key);
    }

    /**
     * {@code attempt} (its check, the verification of the credentials and the count of a failure) run while no other
     * attempt on the same {@code number} (a tracking number) runs in this instance.
     */
    public <T> Uni<T> oneAtATime(Supplier<Uni<T>> attempt, String number) {
        return TURNS.inTurn(scope + ":" + number, attempt);
    }

    /**
     * Counts a wrong try of {@code number} (what the credentials open) from {@code client}: against the client every
     * time, against the number only the first time this client fails on it within the window.
     */
    public Uni<Void> failed(String number, String client) {
        return pool.preparedQuery(FAILED)
                .execute(Tuple.of(hash(client), hash("pair:" + number + "|" + client), hash(number), seconds()))
                .replaceWithVoid();
    }

    /** Counts one hit against each key. */
    public Uni<Void> hit(String... keys) {
        Buffer[] hashed = new Buffer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            hashed[i] = hash(keys[i]);
        }
        return pool.preparedQuery(HIT).execute(Tuple.of(hashed, seconds())).replaceWithVoid();
    }

    /**
     * The parameters {@code $1} to {@code $4} of {@link #WAIT}. A mutable list: the SQL client converts parameter
     * values in place, and an immutable one would fail the query without an answer.
     */
    public List<Object> waitParameters(String first, String second) {
        return new ArrayList<>(List.of(hash(first), hash(second), seconds(), limit.max() - 1));
    }

    /** The 429 for a positive {@code wait} (seconds) read with {@link #WAIT}; nothing otherwise. */
    public void failIfWaiting(Long wait) {
        if (wait != null && wait > 0) {
            throw ProblemException.tooManyRequests(refusal, wait);
        }
    }

    private Buffer hash(String key) {
        return Buffer.buffer(keyedHash.apply(scope + ":" + key));
    }

    private int seconds() {
        return (int) Math.max(1, limit.window().toSeconds());
    }
}
