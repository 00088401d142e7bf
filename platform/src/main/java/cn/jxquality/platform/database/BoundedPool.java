package cn.jxquality.platform.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;

/**
 * Every service's reactive PostgreSQL pool, with admission control. Vert.x lets callers queue for a connection without
 * a bound: when the database slows down (scenario 7 of RELIABILITY.md, 200 ms each way), each request then waits
 * longer than its client, whose retries add to the queue, and not one is answered in time. Here the queue is bounded
 * ({@link DatabasePoolConfig#maxWaiting()}), so what exceeds the database's capacity is refused at once as an outage
 * and the rest is served within its client's patience.
 *
 * <p>The wait has no timer (Vert.x waits 30 s by default). Under that slow database, with many waits timing out,
 * complaint-service's pool lost every one of its connections for good: each stayed leased, with no holder and nothing
 * in flight (heap dump), as when a connection is handed to a waiter whose timer has just failed it (Vert.x 4.5.27).
 * A bounded queue bounds the wait without a timer.
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

    /** Quarkus's options (size, idle timeout, event loops, name) with the queue bounded and no timer on the wait. */
    static PoolOptions bounded(PoolOptions quarkus, DatabasePoolConfig config) {
        return new PoolOptions(quarkus).setMaxWaitQueueSize(config.maxWaiting()).setConnectionTimeout(0);
    }
}
