package cn.jxquality.cases.statistics;

import static cn.jxquality.cases.scan.DueRows.at;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Reads the aggregates {@link CaseStatistics} keeps, never the cases themselves: the summary from {@code
 * stats_daily_by} (a few hundred rows a day), the daily counts from {@code stats_daily}.
 */
@ApplicationScoped
public class StatsQueries {

    static final String TOTALS = """
            select coalesce(sum(received), 0) r, coalesce(sum(decided), 0) d, coalesce(sum(decided_on_time), 0) t,
                   coalesce(sum(ratings), 0) n, coalesce(sum(rating_sum), 0) s
            from stats_daily_by where dimension = 'TOTAL' and day between $1 and $2""";
    static final String BY_OUTCOME = """
            select key, sum(decided) d from stats_daily_by
            where dimension = 'OUTCOME' and day between $1 and $2 and key <> ''
            group by key having sum(decided) > 0 order by key""";
    static final String BY_GROUP = """
            select key k, sum(received) r, sum(decided) d, sum(decided_on_time) t, sum(ratings) n, sum(rating_sum) s
            from stats_daily_by where dimension = $3 and day between $1 and $2 group by key order by key""";
    static final String HANDLING = """
            select handling_days, sum(cases) c from stats_handling_days
            where day between $1 and $2 group by handling_days order by handling_days""";
    /**
     * The credit record's two top tens: by substantiated reports (decided in the days $1–$2), and by ODR complaints
     * lapsed (in the instants $3–$4, odr_referral's ended_at), each enterprise with both counts.
     */
    static final String MOST_SUBSTANTIATED = """
            with s as (select credit_code, sum(cases) c from stats_substantiated
                       where day between $1 and $2 group by credit_code order by c desc, credit_code limit 10)
            select s.credit_code, s.c,
                   (select count(*) from odr_referral o where o.credit_code = s.credit_code and o.ending = 'LAPSED'
                      and o.ended_at >= $3 and o.ended_at < $4) l
            from s order by s.c desc, s.credit_code""";

    static final String MOST_LAPSED_ODR = """
            with l as (select credit_code, count(*) c from odr_referral
                       where ending = 'LAPSED' and ended_at >= $3 and ended_at < $4
                       group by credit_code order by c desc, credit_code limit 10)
            select l.credit_code,
                   coalesce((select sum(cases) from stats_substantiated s
                             where s.credit_code = l.credit_code and s.day between $1 and $2), 0) s,
                   l.c
            from l order by l.c desc, l.credit_code""";
    static final String DAILY = """
            select day, kind, category, region_code, department_code, outcome, received, decided, decided_on_time,
                   ratings, rating_sum
            from stats_daily where day between $1 and $2
            order by day, kind, category, region_code, department_code, outcome""";

    static final String DAY_TOTALS = """
            select day, received, decided, decided_on_time, ratings, rating_sum
            from stats_daily_by where dimension = 'TOTAL' and day between $1 and $2 order by day""";

    /** The province's counts of one Beijing day. */
    public record DayTotal(
            LocalDate day, long received, long decided, long decidedOnTime, long ratings, long ratingSum) {}

    /** One row of the counts by day x kind x category x region x department x outcome. */
    public record DailyCount(
            LocalDate day,
            String kind,
            String category,
            String regionCode,
            String departmentCode,
            String outcome,
            long received,
            long decided,
            long decidedOnTime,
            long ratings,
            long ratingSum) {}

    private final Pool pool;

    StatsQueries(Pool pool) {
        this.pool = pool;
    }

    /** Eight small aggregate queries over the range, run side by side on the pool. */
    public Uni<StatsSummary> summary(LocalDate from, LocalDate to) {
        Tuple range = Tuple.of(from, to);
        StatsRange days = new StatsRange(from, to);
        Tuple creditRange = Tuple.of(from, to, at(days.start()), at(days.end()));
        return Uni.combine()
                .all()
                .unis(
                        query(TOTALS, range),
                        query(BY_OUTCOME, range),
                        groups("DEPARTMENT", range),
                        groups("CATEGORY", range),
                        groups("REGION", range),
                        query(HANDLING, range),
                        query(MOST_SUBSTANTIATED, creditRange),
                        query(MOST_LAPSED_ODR, creditRange))
                .asTuple()
                .map(r -> {
                    Row totals = r.getItem1().get(0);
                    long ratings = totals.getLong("n");
                    Double average = StatsSummary.average(totals.getLong("s"), ratings);
                    return new StatsSummary(
                            from,
                            to,
                            totals.getLong("r"),
                            totals.getLong("d"),
                            StatsSummary.rate(totals.getLong("t"), totals.getLong("d")),
                            StatsSummary.median(r.getItem6().stream()
                                    .map(row -> new long[] {row.getLong(0), row.getLong(1)})
                                    .toList()),
                            ratings,
                            average,
                            StatsSummary.index(totals.getLong("s"), ratings),
                            outcomes(r.getItem2()),
                            r.getItem3(),
                            r.getItem4(),
                            r.getItem5(),
                            enterprises(r.getItem7()),
                            enterprises(r.getItem8()));
                });
    }

    /** One row a day from the totals kept per day (a year is 366 rows at most). */
    public Uni<List<DayTotal>> totals(LocalDate from, LocalDate to) {
        return query(DAY_TOTALS, Tuple.of(from, to))
                .map(rows -> rows.stream()
                        .map(r -> new DayTotal(
                                r.getLocalDate("day"),
                                r.getLong("received"),
                                r.getLong("decided"),
                                r.getLong("decided_on_time"),
                                r.getLong("ratings"),
                                r.getLong("rating_sum")))
                        .toList());
    }

    public Uni<List<DailyCount>> daily(LocalDate from, LocalDate to) {
        return query(DAILY, Tuple.of(from, to))
                .map(rows -> rows.stream()
                        .map(r -> new DailyCount(
                                r.getLocalDate("day"),
                                r.getString("kind"),
                                r.getString("category"),
                                r.getString("region_code"),
                                r.getString("department_code"),
                                r.getString("outcome"),
                                r.getLong("received"),
                                r.getLong("decided"),
                                r.getLong("decided_on_time"),
                                r.getLong("ratings"),
                                r.getLong("rating_sum")))
                        .toList());
    }

    private Uni<List<StatsSummary.Group>> groups(String dimension, Tuple range) {
        return query(BY_GROUP, Tuple.of(range.getValue(0), range.getValue(1), dimension))
                .map(rows -> rows.stream()
                        .map(r -> StatsSummary.Group.of(
                                r.getString("k"),
                                r.getLong("r"),
                                r.getLong("d"),
                                StatsSummary.rate(r.getLong("t"), r.getLong("d")),
                                r.getLong("s"),
                                r.getLong("n")))
                        .toList());
    }

    /** Rows of credit code, substantiated, lapsed ODR. */
    private static List<StatsSummary.Enterprise> enterprises(List<Row> rows) {
        return rows.stream()
                .map(row -> new StatsSummary.Enterprise(row.getString(0), row.getLong(1), row.getLong(2)))
                .toList();
    }

    private static Map<String, Long> outcomes(List<Row> rows) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        rows.forEach(r -> byOutcome.put(r.getString(0), r.getLong(1)));
        return byOutcome;
    }

    private Uni<List<Row>> query(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(StatsQueries::rows);
    }

    private static List<Row> rows(RowSet<Row> rows) {
        return StreamSupport.stream(rows.spliterator(), false).toList();
    }
}
