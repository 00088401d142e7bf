package cn.jxquality.notify.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sent marks that arrive while one statement is at the database go together in the next one: every row is marked
 * with its own language, subject and body, each caller hears only after its row committed, and a row not leased for
 * delivery (not in the batch) is left alone.
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class SentMarksTest {

    @Inject
    DeliveryLedger ledger;

    @Inject
    Pool pool;

    @Test
    void marksArrivingTogetherAreWrittenTogetherEachWithItsOwnMessage() {
        String event = "sent-marks-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(pending(event, "citizen:" + i));
        }
        UUID untouched = pending(event, "citizen:untouched");
        Instant at = Instant.parse("2026-12-07T01:00:00Z");

        List<Uni<Void>> marks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            marks.add(ledger.sent(ids.get(i), at, i % 2 == 0 ? "zh-CN" : "en", "subject " + i, "body " + i));
        }
        Uni.join().all(marks).andFailFast().await().atMost(Duration.ofSeconds(10));

        for (int i = 0; i < ids.size(); i++) {
            Row row = row(ids.get(i));
            assertEquals("SENT", row.getString("status"));
            assertEquals(1, row.getInteger("attempts"));
            assertEquals(i % 2 == 0 ? "zh-CN" : "en", row.getString("language"));
            assertEquals("subject " + i, row.getString("subject"));
            assertEquals("body " + i, row.getString("body"));
            assertEquals(at, row.getOffsetDateTime("sent_at").toInstant());
        }
        assertEquals("PENDING", row(untouched).getString("status"));
    }

    /**
     * The channel took the message; then the database drops the connection of the mark (here: the mark is held up by
     * a lock and its backend terminated, as a restart would). The mark is tried again until it lands, rather than the
     * row's lease running out and the message going a second time.
     */
    @Test
    void aMarkWhoseConnectionTheDatabaseDropsIsTriedAgainUntilItLands() throws Exception {
        UUID id = pending("sent-mark-outage-" + UUID.randomUUID(), "citizen:outage");
        SqlConnection locker = pool.getConnectionAndAwait();
        Transaction lock = locker.beginAndAwait();
        locker.preparedQuery("select id from notification where id = $1 for update")
                .executeAndAwait(Tuple.of(id));

        CompletableFuture<Void> mark = ledger.sent(id, Instant.parse("2026-12-07T02:00:00Z"), "zh-CN", "s", "b")
                .subscribeAsCompletionStage();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long terminated = 0;
        while (terminated == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            terminated = locker.query("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                            + " where pid <> pg_backend_pid() and wait_event_type = 'Lock'"
                            + " and query like 'update notification n set status = ''SENT''%'")
                    .executeAndAwait()
                    .iterator()
                    .next()
                    .getLong(0);
        }
        assertEquals(1L, terminated, "the mark waited for the lock and its connection was dropped");
        lock.rollbackAndAwait();
        locker.closeAndAwait();

        mark.get(30, TimeUnit.SECONDS);
        assertEquals("SENT", row(id).getString("status"));
    }

    private UUID pending(String event, String recipient) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into notification (id, event_id, event_type, recipient, recipient_kind, channel,"
                        + " template, language, status, created_at, next_attempt_at)"
                        + " values ($1, $2, 'test.v1', $3, 'CITIZEN', 'SMS', 't', 'zh-CN', 'PENDING', now(),"
                        + " now() + interval '1 day')")
                .execute(Tuple.of(id, event, recipient))
                .await()
                .atMost(Duration.ofSeconds(5));
        return id;
    }

    private Row row(UUID id) {
        return pool.preparedQuery("select * from notification where id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(5))
                .iterator()
                .next();
    }
}
