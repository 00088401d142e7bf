package cn.jxquality.platform.throttle;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes throttle hits whose window has passed, in every service (each row knows when it expires). */
@ApplicationScoped
public class ThrottlePurge {

    static final String PURGE = "DELETE FROM throttle_hit WHERE expires_at < now()";

    private final Pool pool;

    ThrottlePurge(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(identity = "throttle-hit-purge", every = "5m", delayed = "1m")
    Uni<Void> purge() {
        return pool.query(PURGE)
                .execute()
                .onFailure()
                .invoke(e -> Log.warnf("Purging old throttle hits failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
