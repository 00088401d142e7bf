package cn.jxquality.platform.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many callers may wait for a pooled connection ({@code database-pool.*}); the pool's size stays
 * {@code quarkus.datasource.reactive.max-size}.
 */
@ConfigMapping(prefix = "database-pool")
public interface DatabasePoolConfig {

    /**
     * Callers that may wait at once; the next one is refused at once, as an outage (503 with {@code Retry-After}; a
     * consumer waits and tries again). With 20 connections, 64 waiting callers wait at most about three times as long
     * as one transaction takes: under a slow database that stays within a client's patience.
     */
    @WithDefault("64")
    int maxWaiting();
}
