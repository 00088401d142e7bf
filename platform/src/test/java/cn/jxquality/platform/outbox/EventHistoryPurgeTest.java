package cn.jxquality.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sent outbox rows and consumed event ids past their retention are deleted, in batches, and nothing else: not an
 * unsent row however old, not a recent one; a service without an outbox keeps its outbox table as it is.
 */
class EventHistoryPurgeTest {

    private static OutboxDatabase db;
    private static Pool pool;

    @BeforeAll
    static void connect() {
        db = new OutboxDatabase("event_history_purge_test");
        pool = db.pool();
    }

    @AfterAll
    static void disconnect() {
        db.close();
    }

    @Test
    void whatIsPastItsRetentionGoesInBatchesAndNothingElse() {
        // more old sent rows than one batch holds, so the purge must go round
        int oldSent = EventHistoryPurge.BATCH + 7;
        outbox(oldSent, "now() - interval '9 days'", "now() - interval '8 days'");
        outbox(5, "now() - interval '9 days'", "null"); // never sent: kept, however old
        outbox(3, "now() - interval '2 days'", "now() - interval '2 days'"); // sent recently: kept
        processed(11, "now() - interval '31 days'");
        processed(4, "now() - interval '29 days'");

        purge(true);

        assertEquals(8L, db.count("select count(*) from outbox_event"));
        assertEquals(5L, db.count("select count(*) from outbox_event where sent_at is null"));
        assertEquals(4L, db.count("select count(*) from processed_event"));
    }

    @Test
    void aServiceThatPublishesNothingKeepsItsOutboxTable() {
        pool.query("delete from outbox_event").executeAndAwait();
        outbox(2, "now() - interval '9 days'", "now() - interval '8 days'");
        purge(false);
        assertEquals(2L, db.count("select count(*) from outbox_event"));
    }

    private static void purge(boolean publishes) {
        OutboxConfig config = OutboxDatabase.config(200, 5);
        new EventHistoryPurge(pool, config, publishes).purge().await().atMost(Duration.ofSeconds(60));
    }

    private static void outbox(int rows, String createdAt, String sentAt) {
        pool.query("insert into outbox_event (id, aggregate_id, type, payload, created_at, sent_at)"
                        + " select gen_random_uuid(), gen_random_uuid(), 'complaint.received.v1', '{}', " + createdAt
                        + ", " + sentAt + " from generate_series(1, " + rows + ")")
                .executeAndAwait();
    }

    private static void processed(int rows, String processedAt) {
        pool.query("insert into processed_event (event_id, event_type, processed_at)"
                        + " select gen_random_uuid()::text, 'case.assigned.v1', " + processedAt
                        + " from generate_series(1, " + rows + ")")
                .executeAndAwait();
    }
}
