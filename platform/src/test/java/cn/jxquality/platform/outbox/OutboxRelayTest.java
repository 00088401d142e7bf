package cn.jxquality.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay's failure paths, against PostgreSQL (the test profile's complaints_test database, in a schema of
 * this test's own) with a stand-in for the broker: a row leaves only with the broker's acknowledgement, waits out the
 * broker being down, is published once however many relays race for it, and a row that never goes out does not hold
 * the others back.
 */
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static OutboxDatabase db;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void connect() {
        db = new OutboxDatabase("outbox_relay_test");
        vertx = db.vertx();
        pool = db.pool();
    }

    @AfterAll
    static void disconnect() {
        db.close();
    }

    @BeforeEach
    void emptyOutbox() {
        pool.query("delete from outbox_event").executeAndAwait();
    }

    @Test
    void aRowIsMarkedSentOnlyAfterTheBrokerAcknowledgedIt() {
        UUID id = insert(1).get(0);
        CompletableFuture<Void> ack = new CompletableFuture<>();
        AtomicInteger sends = new AtomicInteger();
        OutboxRelay relay = relay(10, event -> {
            sends.incrementAndGet();
            return Uni.createFrom().completionStage(ack);
        });

        CompletableFuture<Integer> pass = relay.relayOnce().subscribeAsCompletionStage();
        awaitTrue(() -> sends.get() == 1);
        Row leased = row(id);
        assertNull(leased.getOffsetDateTime("sent_at"), "not sent before the broker's ack");
        assertNotNull(leased.getOffsetDateTime("lease_until"), "leased while it is being sent");

        ack.complete(null);
        assertEquals(1, pass.join());
        assertNotNull(row(id).getOffsetDateTime("sent_at"));
        assertNull(row(id).getOffsetDateTime("lease_until"));
    }

    @Test
    void whileTheBrokerIsDownRowsWaitAndLeaveOnceItIsBack() {
        List<UUID> ids = insert(5);
        AtomicBoolean brokerUp = new AtomicBoolean(false);
        Set<UUID> published = ConcurrentHashMap.newKeySet();
        OutboxRelay relay = relay(10, event -> {
            if (!brokerUp.get()) {
                return Uni.createFrom()
                        .failure(new IllegalStateException("Topic complaint-events not present in metadata"));
            }
            published.add(event.id());
            return Uni.createFrom().voidItem();
        });

        assertEquals(5, relay.relayOnce().await().atMost(WAIT));
        for (UUID id : ids) {
            Row waiting = row(id);
            assertNull(waiting.getOffsetDateTime("sent_at"));
            assertEquals(1, waiting.getInteger("attempts"));
            assertTrue(waiting.getString("last_error").contains("not present in metadata"));
        }
        assertEquals(0, relay.relayOnce().await().atMost(WAIT), "a failed row waits out its retry delay");

        brokerUp.set(true);
        pool.query("update outbox_event set lease_until = now() - interval '1 second'")
                .executeAndAwait(); // the delay passed
        assertEquals(5, relay.relayOnce().await().atMost(WAIT));
        assertEquals(Set.copyOf(ids), published);
        assertEquals(0L, unsent());
    }

    @Test
    void relaysRacingPublishEachRowOnce() {
        insert(300);
        Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();
        Function<PendingEvent, Uni<Void>> broker = event -> {
            sends.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 5)));
        };
        List<OutboxRelay> relays = List.of(relay(20, broker), relay(20, broker), relay(20, broker));

        for (int round = 0; round < 50 && unsent() > 0; round++) {
            List<CompletableFuture<Integer>> passes = new ArrayList<>();
            for (OutboxRelay relay : relays) {
                passes.add(relay.relayOnce().subscribeAsCompletionStage());
            }
            passes.forEach(CompletableFuture::join);
        }
        assertEquals(0L, unsent());
        assertEquals(300, sends.size());
        assertTrue(sends.values().stream().allMatch(count -> count.get() == 1), "every row published once: " + sends);
    }

    @Test
    void aRowTheBrokerAlwaysRefusesDoesNotHoldBackTheRest() {
        UUID poison = insert(1).get(0); // the oldest, first in every batch
        List<UUID> good = insert(30);
        OutboxRelay relay = relay(
                10,
                event -> event.id().equals(poison)
                        ? Uni.createFrom().failure(new IllegalStateException("record too large"))
                        : Uni.createFrom().voidItem());

        for (int pass = 0; pass < 10 && unsent() > 1; pass++) {
            relay.relayOnce().await().atMost(WAIT);
        }
        for (UUID id : good) {
            assertNotNull(row(id).getOffsetDateTime("sent_at"));
        }
        Row stuck = row(poison);
        assertNull(stuck.getOffsetDateTime("sent_at"));
        assertEquals("record too large", stuck.getString("last_error"));
    }

    private OutboxRelay relay(int batchSize, Function<PendingEvent, Uni<Void>> broker) {
        EventPublisher publisher = new EventPublisher(null) {
            @Override
            public Uni<Void> publish(PendingEvent event) {
                return Uni.createFrom().deferred(() -> broker.apply(event));
            }
        };
        OutboxConfig config = OutboxDatabase.config(batchSize, 30);
        return new OutboxRelay(pool, vertx, publisher, config, false); // passes driven by the test, not its timer
    }

    /** {@code count} new rows, each created a millisecond after the last, oldest first. */
    private static List<UUID> insert(int count) {
        List<Tuple> rows = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(Tuple.of(id, UUID.randomUUID(), i));
        }
        pool.preparedQuery("insert into outbox_event (id, aggregate_id, type, payload, created_at)"
                        + " values ($1, $2, 'complaint.received.v1', '{}',"
                        + " clock_timestamp() + make_interval(secs => $3 / 1000.0))")
                .executeBatchAndAwait(rows);
        return ids;
    }

    private static Row row(UUID id) {
        return pool.preparedQuery("select * from outbox_event where id = $1")
                .executeAndAwait(Tuple.of(id))
                .iterator()
                .next();
    }

    private static long unsent() {
        return db.count("select count(*) from outbox_event where sent_at is null");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
