package cn.jxquality.cases.reward;

import cn.jxquality.cases.deadline.CaseDeadlines;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The supervisors' report on rewards proposed in a range of Beijing days: counts and amounts by level, by state
 * and by month of the proposal, and the total paid out (from the payout ledger's PAID entries).
 */
@ApplicationScoped
public class RewardReport {

    static final String BY = """
            SELECT %s AS bucket, count(*) AS rewards, coalesce(sum(amount_fen), 0) AS amount_fen
            FROM reward WHERE proposed_at >= $1 AND proposed_at < $2 GROUP BY 1 ORDER BY 1""";
    static final String MONTH = "to_char(proposed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')";
    static final String PAID = """
            SELECT count(*) AS payouts, coalesce(sum(p.amount_fen), 0) AS paid_fen
            FROM payout_ledger p JOIN reward r ON r.id = p.reward_id
            WHERE p.entry = 'PAID' AND r.proposed_at >= $1 AND r.proposed_at < $2""";

    private final Pool pool;

    RewardReport(Pool pool) {
        this.pool = pool;
    }

    /** {@code from} and {@code to} are Beijing days, both inclusive. */
    public Uni<Summary> summary(LocalDate from, LocalDate to) {
        Tuple range = Tuple.of(
                from.atStartOfDay(CaseDeadlines.BEIJING).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(CaseDeadlines.BEIJING).toOffsetDateTime());
        return buckets("level::text", range)
                .flatMap(byLevel -> buckets("state", range)
                        .flatMap(byState -> buckets(MONTH, range)
                                .flatMap(byMonth -> pool.preparedQuery(PAID)
                                        .execute(range)
                                        .map(rows -> {
                                            Row paid = rows.iterator().next();
                                            return new Summary(
                                                    from,
                                                    to,
                                                    byLevel,
                                                    byState,
                                                    byMonth,
                                                    paid.getLong("payouts"),
                                                    paid.getLong("paid_fen"));
                                        }))));
    }

    private Uni<List<Bucket>> buckets(String expression, Tuple range) {
        return pool.preparedQuery(BY.formatted(expression)).execute(range).map(RewardReport::buckets);
    }

    private static List<Bucket> buckets(RowSet<Row> rows) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(row -> new Bucket(row.getString("bucket"), row.getLong("rewards"), row.getLong("amount_fen")))
                .toList();
    }

    /** Rewards of one level, state or month ({@code YYYY-MM}, Beijing): how many and their amounts in fen. */
    public record Bucket(String key, long rewards, long amountFen) {}

    /** The report; {@code totalPaidFen} sums the ledger's PAID entries of the rewards proposed in the range. */
    public record Summary(
            LocalDate from,
            LocalDate to,
            List<Bucket> byLevel,
            List<Bucket> byState,
            List<Bucket> byMonth,
            long payouts,
            long totalPaidFen) {}
}
