package cn.jxquality.platform.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long a caller may wait for a pooled connection, and how many may wait ({@code database-pool.*}); the pool's
 * size stays {@code quarkus.datasource.reactive.max-size}.
 */
@ConfigMapping(prefix = "database-pool")
public interface DatabasePoolConfig {

    /**
     * The longest wait for a connection. Past it the caller fails with an outage: a request is answered 503 with
     * {@code Retry-After} while it can still be retried, rather than after its client has given up.
     */
    @WithDefault("PT5S")
    Duration acquireTimeout();

    /** Callers that may wait at once; the next one is refused at once, an outage too. */
    @WithDefault("64")
    int maxWaiting();
}
