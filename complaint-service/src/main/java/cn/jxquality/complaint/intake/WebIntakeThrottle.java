package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits anonymous web submissions per client, counted in PostgreSQL under a keyed hash of the client address so
 * every replica sees the same count. Logged-in callers (operators) and Open311 clients (API keys) are not limited.
 */
@ApplicationScoped
public class WebIntakeThrottle {

    /** Seconds until the {@code max}-th most recent submission leaves the window; null while under the limit. */
    static final String WAIT = """
            SELECT ceil(extract(epoch FROM submitted_at + make_interval(secs => $2) - now()))::bigint AS wait
            FROM web_submission WHERE client_key = $1 AND submitted_at > now() - make_interval(secs => $2)
            ORDER BY submitted_at DESC OFFSET $3 LIMIT 1""";

    static final String COUNT = "INSERT INTO web_submission (client_key, submitted_at) VALUES ($1, now())";
    static final String PURGE = "DELETE FROM web_submission WHERE submitted_at < now() - make_interval(secs => $1)";

    private final Pool pool;
    private final BlindIndex blindIndex;
    private final WebIntakeConfig config;

    WebIntakeThrottle(Pool pool, BlindIndex blindIndex, WebIntakeConfig config) {
        this.pool = pool;
        this.blindIndex = blindIndex;
        this.config = config;
    }

    /** Fails with a 429 carrying {@code Retry-After} when the client used up its submissions. */
    public Uni<Void> checkOpen(String client) {
        return pool.preparedQuery(WAIT)
                .execute(Tuple.of(key(client), (double) config.window().toSeconds(), config.maxSubmissions() - 1))
                .map(rows -> {
                    Long wait = rows.size() == 0 ? null : rows.iterator().next().getLong("wait");
                    if (wait != null && wait > 0) {
                        throw ProblemException.tooManyRequests(
                                "Too many submissions from this address; try again later or call 12315 / 12365.", wait);
                    }
                    return null;
                });
    }

    /** Counts one registered submission against the client. */
    public Uni<Void> count(String client) {
        return pool.preparedQuery(COUNT).execute(Tuple.of(key(client))).replaceWithVoid();
    }

    @Scheduled(identity = "web-submission-purge", every = "10m", delayed = "2m")
    Uni<Void> purge() {
        return pool.preparedQuery(PURGE)
                .execute(Tuple.of((double) config.window().toSeconds()))
                .onFailure()
                .invoke(e -> Log.warnf("Purging old web submission counts failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Buffer key(String client) {
        return Buffer.buffer(blindIndex.of("web-intake-client", client));
    }
}
