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
import java.time.Duration;
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

    private static final Duration ACQUIRE_TIMEOUT = Duration.ofMillis(300);

    private Vertx vertx;
    private Pool pool;

    @BeforeEach
    void onePooledConnectionAndOneWaiter() {
        vertx = Vertx.vertx();
        DatabasePoolConfig config = new DatabasePoolConfig() {
            @Override
            public Duration acquireTimeout() {
                return ACQUIRE_TIMEOUT;
            }

            @Override
            public int maxWaiting() {
                return 1;
            }
        };
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
        warmUp();
    }

    /** The first connection of a cold JVM may take longer to open than the short wait allowed here. */
    private void warmUp() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                await(pool.query("select 1").execute());
                return;
            } catch (Exception coldStart) {
                // the connection is still being opened; it stays in the pool once it is
            }
        }
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
    void aWaiterGivesUpAfterTheTimeoutAndOneTooManyIsRefusedAtOnceBothAsOutages() throws Exception {
        Future<RowSet<Row>> holder =
                pool.withConnection(c -> c.query("select pg_sleep(2)").execute());
        Thread.sleep(200); // the one connection is taken

        long waitStarted = System.nanoTime();
        Future<RowSet<Row>> waiter = pool.query("select 1").execute();
        long refusedStarted = System.nanoTime();
        Throwable refused = failure(pool.query("select 1").execute());
        long refusedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - refusedStarted);
        Throwable timedOut = failure(waiter);
        long waitedFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStarted);

        assertTrue(Outage.is(refused), "the queue full: " + refused);
        assertTrue(refusedAfter < 100, "refused at once, not after " + refusedAfter + " ms");
        assertTrue(Outage.is(timedOut), "the wait timed out: " + timedOut);
        assertTrue(
                waitedFor >= ACQUIRE_TIMEOUT.toMillis() && waitedFor < 1500,
                "gave up after the acquire timeout, not when the holder let go; waited " + waitedFor + " ms");
        await(holder);
        assertEquals(1, await(pool.query("select 1").execute()).size(), "the pool serves again once free");
    }

    @Test
    void aTransactionWaitingForItsConnectionGivesUpAsAnOutageToo() throws Exception {
        Future<RowSet<Row>> holder =
                pool.withConnection(c -> c.query("select pg_sleep(1.5)").execute());
        Thread.sleep(200);
        Throwable timedOut =
                failure(pool.withTransaction(c -> c.query("select 1").execute()));
        assertTrue(Outage.is(timedOut), "the wait timed out: " + timedOut);
        await(holder);
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
