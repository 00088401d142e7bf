package cn.jxquality.platform.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Every service's reactive PostgreSQL pool, with admission control. Vert.x lets callers queue for a connection without
 * a bound and waits 30 s for one: when the database slows down (scenario 7 of RELIABILITY.md, 200 ms each way), each
 * request then waits longer than its client, whose retries add to the queue, and not one is answered in time. Here
 * the queue is bounded and the wait is short ({@link DatabasePoolConfig}), so what exceeds the database's capacity is
 * refused quickly as an outage (503 with {@code Retry-After}; a consumer waits and tries again) and the rest is served.
 */
@Singleton
public class BoundedPool implements PgPoolCreator {

    private final DatabasePoolConfig config;

    BoundedPool(DatabasePoolConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        // the driver's own pool, as Quarkus makes it without a creator (Quarkus needs a PgPool)
        return PgDriver.INSTANCE.createPool(
                input.vertx(), input.pgConnectOptionsList(), bounded(input.poolOptions(), config));
    }

    /** Quarkus's options (size, idle timeout, event loops, name) with the wait bounded. */
    static PoolOptions bounded(PoolOptions quarkus, DatabasePoolConfig config) {
        return new PoolOptions(quarkus)
                .setMaxWaitQueueSize(config.maxWaiting())
                .setConnectionTimeout(Math.toIntExact(config.acquireTimeout().toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    }
}
