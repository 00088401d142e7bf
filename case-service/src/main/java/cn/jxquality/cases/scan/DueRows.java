package cn.jxquality.cases.scan;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * The scan the schedulers share: take a batch of due rows {@code FOR UPDATE SKIP LOCKED} (so replicas never take
 * the same row), handle each in turn in that transaction, and repeat while batches come back full.
 */
public final class DueRows {

    private DueRows() {}

    /** Runs {@code batch} until it handles fewer than {@code batchSize} rows; yields how many were handled in all. */
    public static Uni<Integer> untilDrained(Supplier<Uni<Integer>> batch, int batchSize) {
        return batch.get()
                .flatMap(handled -> handled < batchSize
                        ? Uni.createFrom().item(handled)
                        : untilDrained(batch, batchSize).map(more -> handled + more));
    }

    /** One transaction: {@code takeDue} (which locks its rows) with {@code params}, then {@code handle} each row. */
    public static Uni<Integer> inOneTransaction(
            Pool pool, String takeDue, Tuple params, BiFunction<SqlConnection, Row, Uni<Void>> handle) {
        return pool.withTransaction(conn -> conn.preparedQuery(takeDue)
                .execute(params)
                .flatMap(rows -> {
                    List<Row> due =
                            StreamSupport.stream(rows.spliterator(), false).toList();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row row : due) {
                        chain = chain.flatMap(v -> handle.apply(conn, row));
                    }
                    return chain.replaceWith(due.size());
                }));
    }

    /** An instant as the {@code timestamptz} parameter the reactive client expects. */
    public static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
