package cn.jxquality.complaint.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jxquality.complaint.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real database: a lone caller goes straight through, callers that arrive while the database is busy share
 * a transaction, and a batch PostgreSQL refuses fails only the caller at fault.
 */
@QuarkusTest
class GroupCommitTest {

    /** Rows 1 and 2000 take 0.3 s, so the callers after them queue while they are at the database. */
    static final String INSERT = "INSERT INTO group_commit_probe (n)"
            + " SELECT $1::int FROM pg_sleep(CASE WHEN $1::int IN (1, 2000) THEN 0.3 ELSE 0 END)"
            + " RETURNING n, txid_current()::text AS tx";

    @Inject
    Pool pool;

    @BeforeEach
    void table() {
        Db.rows(pool, "CREATE TABLE IF NOT EXISTS group_commit_probe (n int PRIMARY KEY)");
        Db.rows(pool, "TRUNCATE group_commit_probe");
    }

    @AfterEach
    void drop() {
        Db.rows(pool, "DROP TABLE IF EXISTS group_commit_probe");
    }

    @Test
    void callersArrivingWhileTheDatabaseIsBusyCommitTogether() throws Exception {
        GroupCommit commit = new GroupCommit(pool.getDelegate(), INSERT, 8, 1);

        // the first goes at once and alone; the other sixteen queue behind it and leave in two batches of eight
        List<CompletableFuture<Row>> calls = new ArrayList<>();
        for (int n = 1; n <= 17; n++) {
            calls.add(commit.execute(Tuple.of(n)).subscribeAsCompletionStage());
        }

        Map<String, List<Integer>> byTransaction = new TreeMap<>();
        for (int n = 1; n <= 17; n++) {
            Row row = calls.get(n - 1).get(10, TimeUnit.SECONDS);
            assertEquals(n, row.getInteger("n"), "each caller gets the row of its own parameters");
            byTransaction
                    .computeIfAbsent(row.getString("tx"), tx -> new ArrayList<>())
                    .add(n);
        }
        List<List<Integer>> transactions = byTransaction.values().stream()
                .sorted((a, b) -> a.get(0) - b.get(0))
                .toList();
        assertEquals(
                List.of(List.of(1), List.of(2, 3, 4, 5, 6, 7, 8, 9), List.of(10, 11, 12, 13, 14, 15, 16, 17)),
                transactions);
        assertEquals(
                17L,
                Db.row(pool, "SELECT count(*) AS c FROM group_commit_probe").getLong("c"));
    }

    @Test
    void aRefusedBatchFailsOnlyTheCallerAtFault() throws Exception {
        Db.rows(pool, "INSERT INTO group_commit_probe (n) VALUES (1000)");
        GroupCommit commit = new GroupCommit(pool.getDelegate(), INSERT, 8, 1);

        CompletableFuture<Row> first = commit.execute(Tuple.of(2000)).subscribeAsCompletionStage();
        CompletableFuture<Row> before = commit.execute(Tuple.of(1001)).subscribeAsCompletionStage();
        CompletableFuture<Row> atFault = commit.execute(Tuple.of(1000)).subscribeAsCompletionStage();
        CompletableFuture<Row> after = commit.execute(Tuple.of(1002)).subscribeAsCompletionStage();

        assertEquals(2000, first.get(10, TimeUnit.SECONDS).getInteger("n"));
        assertEquals(1001, before.get(10, TimeUnit.SECONDS).getInteger("n"));
        assertEquals(1002, after.get(10, TimeUnit.SECONDS).getInteger("n"));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> atFault.get(10, TimeUnit.SECONDS));
        PgException refused = assertInstanceOf(PgException.class, failure.getCause());
        assertEquals("23505", refused.getSqlState());

        Map<Integer, Long> stored = Db.rows(pool, "SELECT n FROM group_commit_probe").stream()
                .collect(Collectors.groupingBy(row -> row.getInteger("n"), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(1000, 1L, 1001, 1L, 1002, 1L, 2000, 1L), stored, "each row once, the refused one not");
    }
}
