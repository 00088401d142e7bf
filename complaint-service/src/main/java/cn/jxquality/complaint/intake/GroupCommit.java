package cn.jxquality.complaint.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one statement for many callers, committing those that arrive together in one transaction.
 *
 * <p>While fewer than {@code maxInFlight} executions are at the database, a caller's statement goes straight through,
 * so a lone request waits for nothing. When that many are out, arriving callers queue, and the next execution takes
 * all of them (up to {@code maxSize}) as one batch: the Bind/Execute pairs of a batch end with a single Sync, so they
 * travel in one round trip and PostgreSQL commits them together, once. Under load that spreads the cost of a
 * transaction (its round trip, its commit, its WAL flush) over the batch, as group commit does inside a database.
 *
 * <p>Nothing is answered before its transaction committed. A batch that PostgreSQL refused was rolled back whole,
 * so each of its members runs again on its own and only the one at fault fails; a batch whose outcome is unknown
 * (the connection broke) fails each caller, exactly as a lone statement would.
 */
final class GroupCommit {

    private final Pool pool;
    private final String sql;
    private final int maxSize;
    private final int maxInFlight;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int inFlight;

    GroupCommit(Pool pool, String sql, int maxSize, int maxInFlight) {
        if (maxSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("batch size and executions in flight must be at least 1");
        }
        this.pool = pool;
        this.sql = sql;
        this.maxSize = maxSize;
        this.maxInFlight = maxInFlight;
    }

    /** The statement's first row for these parameters, once committed. */
    Uni<Row> execute(Tuple params) {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                queue.add(new Waiting(params, emitter, Vertx.currentContext()));
            }
            drain();
        });
    }

    private void drain() {
        List<Waiting> batch;
        synchronized (this) {
            if (inFlight >= maxInFlight || queue.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(Math.min(maxSize, queue.size()));
            while (batch.size() < maxSize && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            inFlight++;
        }
        try {
            Future<RowSet<Row>> sent = batch.size() == 1
                    ? pool.preparedQuery(sql).execute(batch.get(0).params())
                    : pool.preparedQuery(sql)
                            .executeBatch(batch.stream().map(Waiting::params).toList());
            sent.onComplete(done -> finished(batch, done));
        } catch (RuntimeException e) {
            finished(batch, Future.failedFuture(e));
        }
    }

    private void finished(List<Waiting> batch, AsyncResult<RowSet<Row>> done) {
        synchronized (this) {
            inFlight--;
        }
        drain();
        if (done.succeeded()) {
            RowSet<Row> rows = done.result();
            for (Waiting waiting : batch) {
                waiting.answer(rows);
                rows = rows == null ? null : rows.next();
            }
        } else if (batch.size() > 1 && done.cause() instanceof PgException) {
            for (Waiting waiting : batch) {
                pool.preparedQuery(sql).execute(waiting.params()).onComplete(alone -> {
                    if (alone.succeeded()) {
                        waiting.answer(alone.result());
                    } else {
                        waiting.fail(alone.cause());
                    }
                });
            }
        } else {
            batch.forEach(waiting -> waiting.fail(done.cause()));
        }
    }

    /** A caller's parameters and where to answer it: on its own Vert.x context, as if it had run the statement. */
    private record Waiting(Tuple params, UniEmitter<? super Row> emitter, Context context) {

        /** Its statement's first row; a statement that answered none is a failure, not a hang. */
        void answer(RowSet<Row> rows) {
            RowIterator<Row> row = rows == null ? null : rows.iterator();
            if (row != null && row.hasNext()) {
                Row first = row.next();
                onContext(() -> emitter.complete(first));
            } else {
                fail(new IllegalStateException("the statement answered no row"));
            }
        }

        void fail(Throwable failure) {
            onContext(() -> emitter.fail(failure));
        }

        private void onContext(Runnable answer) {
            if (context == null || context == Vertx.currentContext()) {
                answer.run();
            } else {
                context.runOnContext(ignored -> answer.run());
            }
        }
    }
}
