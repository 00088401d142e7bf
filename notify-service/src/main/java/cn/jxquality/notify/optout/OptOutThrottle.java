package cn.jxquality.notify.optout;

import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts failed opt-outs per tracking number and per client in PostgreSQL (every replica sees the same
 * count), as DESIGN §8 asks of public endpoints. Keys are keyed hashes: no number or address is stored.
 */
@ApplicationScoped
public class OptOutThrottle {

    /** Seconds until the {@code max}-th most recent failure of either key leaves the window; null when open. */
    static final String WAIT = """
            select ceil(extract(epoch from max(failed_at) + make_interval(secs => $3) - now()))::bigint as wait
            from (select (select failed_at from opt_out_failure
                          where throttle_key = k and failed_at > now() - make_interval(secs => $3)
                          order by failed_at desc offset $4 limit 1) as failed_at
                  from unnest(array[$1::bytea, $2::bytea]) as k) counted""";

    static final String FAIL = "insert into opt_out_failure (throttle_key, failed_at) values ($1, now()), ($2, now())";
    static final String PURGE = "delete from opt_out_failure where failed_at < now() - make_interval(secs => $1)";

    private final Pool pool;
    private final OptOutConfig config;

    OptOutThrottle(Pool pool, OptOutConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Fails with a 429 carrying {@code Retry-After} when the number or the client used up its tries. */
    Uni<Void> checkOpen(OptOutCodes codes, String trackingNumber, String client) {
        return pool.preparedQuery(WAIT)
                .execute(Tuple.of(
                        numberKey(codes, trackingNumber),
                        clientKey(codes, client),
                        windowSeconds(),
                        config.maxFailures() - 1))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Long wait = row.getLong("wait");
                    if (wait != null && wait > 0) {
                        throw ProblemException.tooManyRequests("Too many failed opt-outs; try again later.", wait);
                    }
                    return null;
                });
    }

    /** Counts one failure against both the number and the client. */
    Uni<Void> recordFailure(OptOutCodes codes, String trackingNumber, String client) {
        return pool.preparedQuery(FAIL)
                .execute(Tuple.of(numberKey(codes, trackingNumber), clientKey(codes, client)))
                .replaceWithVoid();
    }

    @Scheduled(identity = "opt-out-failure-purge", every = "5m", delayed = "1m")
    Uni<Void> purge() {
        return pool.preparedQuery(PURGE)
                .execute(Tuple.of(windowSeconds()))
                .onFailure()
                .invoke(e -> Log.warnf("Purging old opt-out failures failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private static Buffer numberKey(OptOutCodes codes, String trackingNumber) {
        return Buffer.buffer(codes.keyedHash("number:" + trackingNumber));
    }

    private static Buffer clientKey(OptOutCodes codes, String client) {
        return Buffer.buffer(codes.keyedHash("client:" + client));
    }

    private int windowSeconds() {
        return (int) config.window().toSeconds();
    }
}
