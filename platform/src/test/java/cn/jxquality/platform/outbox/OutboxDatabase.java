package cn.jxquality.platform.outbox;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.Map;

/**
 * The outbox's tables as every service's migrations leave them, in a schema of a test's own in the test profile's
 * complaints_test database (PostgreSQL of ./suite test or ./suite infra-up test); dropped again by {@link #close}.
 */
final class OutboxDatabase implements AutoCloseable {

    private static final String OUTBOX = """
            create table outbox_event (
                id uuid primary key, aggregate_id uuid not null, type varchar(100) not null, subject varchar(64),
                payload text not null, created_at timestamptz not null, sent_at timestamptz, lease_until timestamptz,
                attempts integer not null default 0, last_error varchar(500),
                topic varchar(64) not null default 'complaint-events', record_key varchar(120))""";
    private static final String PROCESSED = """
            create table processed_event (
                event_id varchar(100) primary key, event_type varchar(100) not null, processed_at timestamptz not null)""";

    private final String schema;
    private final Vertx vertx = Vertx.vertx();
    private final Pool pool;

    OutboxDatabase(String schema) {
        this.schema = schema;
        Pool admin = pool(Map.of());
        admin.query("drop schema if exists " + schema + " cascade").executeAndAwait();
        admin.query("create schema " + schema).executeAndAwait();
        admin.closeAndAwait();
        pool = pool(Map.of("search_path", schema));
        pool.query(OUTBOX).executeAndAwait();
        pool.query(PROCESSED).executeAndAwait();
    }

    /** The relay's settings for a test: its batch size and retry delay, the defaults otherwise. */
    static OutboxConfig config(int batchSize, int retryDelaySeconds) {
        return new OutboxConfig() {
            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public int leaseSeconds() {
                return 60;
            }

            @Override
            public int retryDelaySeconds() {
                return retryDelaySeconds;
            }

            @Override
            public Duration idlePoll() {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration sentRetention() {
                return Duration.ofDays(7);
            }

            @Override
            public Duration processedEventRetention() {
                return Duration.ofDays(30);
            }
        };
    }

    Vertx vertx() {
        return vertx;
    }

    Pool pool() {
        return pool;
    }

    long count(String sql) {
        return pool.query(sql).executeAndAwait().iterator().next().getLong(0);
    }

    @Override
    public void close() {
        pool.query("drop schema " + schema + " cascade").executeAndAwait();
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }

    private Pool pool(Map<String, String> properties) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(5432)
                .setDatabase("complaints_test")
                .setUser("complaint_test")
                .setPassword("test")
                .setProperties(properties);
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(6))
                .connectingTo(options)
                .using(vertx)
                .build();
    }
}
