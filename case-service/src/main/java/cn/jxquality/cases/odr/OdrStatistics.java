package cn.jxquality.cases.odr;

import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.cases.statistics.StatsRange;
import cn.jxquality.cases.statistics.StatsSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Reads the ODR statistics from {@code odr_referral} (one row per referred complaint) and, for the share of
 * complaints, the received complaints per day ({@code stats_daily_by}, dimension KIND).
 */
@ApplicationScoped
public class OdrStatistics {

    /** Per enterprise, the referrals sent in [$1, $2); $3 is now (whose due date has passed). */
    static final String ENTERPRISES = """
            SELECT credit_code,
                   (array_agg(enterprise_name ORDER BY sent_at DESC) FILTER (WHERE enterprise_name IS NOT NULL))[1]
                     AS name,
                   count(*) AS referred,
                   count(*) FILTER (WHERE responded_at IS NOT NULL) AS responded,
                   count(*) FILTER (WHERE responded_on_time) AS responded_on_time,
                   count(*) FILTER (WHERE settled) AS settled,
                   count(*) FILTER (WHERE ending = 'CONFIRMED') AS confirmed,
                   count(*) FILTER (WHERE ending = 'DISPUTED') AS disputed,
                   count(*) FILTER (WHERE NOT settled OR ending = 'NOT_SETTLED') AS not_settled,
                   count(*) FILTER (WHERE ending = 'LAPSED') AS lapsed,
                   count(*) FILTER (WHERE ending IS NOT NULL) AS ended,
                   count(*) FILTER (WHERE responded_at IS NOT NULL OR due_at <= $3) AS answerable
            FROM odr_referral
            WHERE sent_at >= $1 AND sent_at < $2
            GROUP BY credit_code
            ORDER BY lapsed DESC, name NULLS LAST, credit_code""";

    /**
     * The complaints received in the days $1–$2 (their cases count on the day of receipt, ODR cases too, under their
     * original receipt), less the ODR cases among them ($3–$4), which the referrals count instead.
     */
    static final String RECEIVED_DIRECTLY = """
            SELECT (SELECT coalesce(sum(received), 0) FROM stats_daily_by
                    WHERE dimension = 'KIND' AND key = 'COMPLAINT' AND day BETWEEN $1 AND $2)
                 - (SELECT count(*) FROM odr_referral WHERE case_received_at >= $3 AND case_received_at < $4)""";

    private final Pool pool;

    OdrStatistics(Pool pool) {
        this.pool = pool;
    }

    public Uni<OdrStats> stats(StatsRange range, Instant now) {
        Uni<List<OdrStats.Enterprise>> enterprises = pool.preparedQuery(ENTERPRISES)
                .execute(Tuple.of(at(range.start()), at(range.end()), at(now)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(OdrStatistics::enterprise)
                        .toList());
        Uni<Long> direct = pool.preparedQuery(RECEIVED_DIRECTLY)
                .execute(Tuple.of(range.from(), range.to(), at(range.start()), at(range.end())))
                .map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(enterprises, direct).asTuple().map(r -> {
            long referred = r.getItem1().stream()
                    .mapToLong(OdrStats.Enterprise::referred)
                    .sum();
            long complaints = Math.max(0, r.getItem2()) + referred;
            return new OdrStats(
                    range.from(),
                    range.to(),
                    referred,
                    complaints,
                    StatsSummary.rate(referred, complaints),
                    r.getItem1());
        });
    }

    private static OdrStats.Enterprise enterprise(Row row) {
        return new OdrStats.Enterprise(
                row.getString("credit_code"),
                row.getString("name"),
                row.getLong("referred"),
                row.getLong("responded"),
                row.getLong("responded_on_time"),
                row.getLong("settled"),
                row.getLong("confirmed"),
                row.getLong("disputed"),
                row.getLong("not_settled"),
                row.getLong("lapsed"),
                StatsSummary.rate(row.getLong("confirmed"), row.getLong("ended")),
                StatsSummary.rate(row.getLong("responded_on_time"), row.getLong("answerable")));
    }
}
