package cn.jxquality.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.platform.problem.Outage;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool refuses what it cannot serve in time, as an outage, instead of letting callers queue without a bound
 * (PostgreSQL of ./suite test or ./suite infra-up test).
 */
class BoundedPoolTest {

    private Vertx vertx;
    private Pool pool;

    @BeforeEach
    void onePooledConnectionAndOneWaiter() {
        vertx = Vertx.vertx();
        DatabasePoolConfig config = () -> 1;
        PgConnectOptions database = new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(5432)
                .setDatabase("complaints_test")
                .setUser("complaint_test")
                .setPassword("test");
        pool = new BoundedPool(config).create(new PgPoolCreator.Input() {
            @Override
            public Vertx vertx() {
                return vertx;
            }

            @Override
            public PoolOptions poolOptions() {
                return new PoolOptions().setMaxSize(1);
            }

            @Override
            public List<PgConnectOptions> pgConnectOptionsList() {
                return List.of(database);
            }
        });
    }

    @AfterEach
    void close() {
        pool.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aFreeConnectionServesAsBefore() throws Exception {
        assertEquals(
                1, await(pool.query("select 1").execute()).iterator().next().getInteger(0));
    }

    @Test
    void oneCallerTooManyIsRefusedAtOnceAsAnOutageAndTheOneWaitingIsServed() throws Exception {
        Future<RowSet<Row>> holder =
                pool.withConnection(c -> c.query("select pg_sleep(1)").execute());
        Thread.sleep(300); // the one connection is taken

        Future<RowSet<Row>> waiter = pool.query("select 1").execute();
        long started = System.nanoTime();
        Throwable refused = failure(pool.query("select 1").execute());
        long refusedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Throwable refusedTransaction =
                failure(pool.withTransaction(c -> c.query("select 1").execute()));

        assertTrue(Outage.is(refused), "the queue full: " + refused);
        assertTrue(refusedAfter < 200, "refused at once, not after " + refusedAfter + " ms");
        assertTrue(Outage.is(refusedTransaction), "a transaction is refused alike: " + refusedTransaction);
        assertEquals(1, await(waiter).size(), "the one waiting is served once the holder lets go");
        await(holder);
    }

    @Test
    void theWaitHasNoTimer() {
        // a timer on the wait met a race that leaked connections under a slow database (see BoundedPool)
        PoolOptions quarkus = new PoolOptions().setMaxSize(20).setConnectionTimeout(30);
        PoolOptions bounded = BoundedPool.bounded(quarkus, () -> 64);
        assertEquals(0, bounded.getConnectionTimeout());
        assertEquals(64, bounded.getMaxWaitQueueSize());
        assertEquals(20, bounded.getMaxSize());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(Future<?> future) throws Exception {
        CompletableFuture<?> done = future.toCompletionStage().toCompletableFuture();
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure, got " + done.get());
    }
}
