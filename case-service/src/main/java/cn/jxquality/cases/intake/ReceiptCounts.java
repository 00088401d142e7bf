package cn.jxquality.cases.intake;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.statistics.CaseStatistics;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics counts of the cases a batch opened, added up before they are written: a batch of a hundred cases
 * about one day and category moves the day's total once by a hundred, not a hundred times by one (each of those an
 * update of the same row in the same transaction, every one a new row version). {@code stats_daily} counts by every
 * dimension, {@code stats_daily_by} by one dimension at a time (the summary), {@code stats_city_daily} per city and
 * category and per city and enterprise (the risk alerts).
 */
final class ReceiptCounts {

    /**
     * One statement for the three tables; each array of a table holds every key once (an upsert cannot touch one row
     * twice).
     */
    static final String ADD = """
            WITH daily AS (
              INSERT INTO stats_daily (day, kind, category, region_code, department_code, outcome,
                                       received, decided, decided_on_time, handling_seconds, ratings, rating_sum)
              SELECT d.day, d.kind, d.category, d.region_code, d.department_code, '', d.received, 0, 0, 0, 0, 0
              FROM unnest($1::date[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::int[])
                AS d (day, kind, category, region_code, department_code, received)
              ON CONFLICT (day, kind, category, region_code, department_code, outcome)
              DO UPDATE SET received = stats_daily.received + excluded.received
            ), by_dimension AS (
              INSERT INTO stats_daily_by (dimension, day, key, received, decided, decided_on_time, ratings, rating_sum)
              SELECT b.dimension, b.day, b.key, b.received, 0, 0, 0, 0
              FROM unnest($7::varchar[], $8::date[], $9::varchar[], $10::int[]) AS b (dimension, day, key, received)
              ON CONFLICT (dimension, day, key) DO UPDATE SET received = stats_daily_by.received + excluded.received
            )
            INSERT INTO stats_city_daily (day, scope, value, city_code, received)
            SELECT c.day, c.scope, c.value, c.city_code, c.received
            FROM unnest($11::date[], $12::varchar[], $13::varchar[], $14::varchar[], $15::int[])
              AS c (day, scope, value, city_code, received)
            ON CONFLICT (day, scope, value, city_code) DO UPDATE SET received = stats_city_daily.received + excluded.received
            """;

    private record Daily(LocalDate day, String kind, String category, String regionCode, String departmentCode) {}

    private record ByDimension(String dimension, LocalDate day, String key) {}

    private record InCity(LocalDate day, String scope, String value, String cityCode) {}

    private final Map<Daily, Integer> daily = new LinkedHashMap<>();
    private final Map<ByDimension, Integer> byDimension = new LinkedHashMap<>();
    private final Map<InCity, Integer> inCity = new LinkedHashMap<>();

    /** Counts one opened case as received on the day (Beijing) it was received. */
    void add(CaseFile file) {
        LocalDate day = CaseStatistics.day(file.receivedAt());
        String department = file.departmentCode() == null ? "" : file.departmentCode();
        daily.merge(new Daily(day, file.kind(), file.category(), file.regionCode(), department), 1, Integer::sum);
        for (ByDimension key : List.of(
                new ByDimension("TOTAL", day, ""),
                new ByDimension("OUTCOME", day, ""),
                new ByDimension("DEPARTMENT", day, department),
                new ByDimension("CATEGORY", day, file.category()),
                new ByDimension("REGION", day, file.regionCode()),
                new ByDimension("KIND", day, file.kind()))) {
            byDimension.merge(key, 1, Integer::sum);
        }
        String city = CaseOpening.cityOf(file.regionCode());
        inCity.merge(new InCity(day, "CATEGORY", file.category(), city), 1, Integer::sum);
        if (file.subjectCreditCode() != null) {
            inCity.merge(new InCity(day, "ENTERPRISE", file.subjectCreditCode(), city), 1, Integer::sum);
        }
    }

    boolean isEmpty() {
        return daily.isEmpty();
    }

    /** The parameters of {@link #ADD}. */
    Tuple tuple() {
        var d = daily.keySet();
        var b = byDimension.keySet();
        var c = inCity.keySet();
        return Tuple.from(List.of(
                d.stream().map(Daily::day).toArray(LocalDate[]::new),
                d.stream().map(Daily::kind).toArray(String[]::new),
                d.stream().map(Daily::category).toArray(String[]::new),
                d.stream().map(Daily::regionCode).toArray(String[]::new),
                d.stream().map(Daily::departmentCode).toArray(String[]::new),
                daily.values().toArray(Integer[]::new),
                b.stream().map(ByDimension::dimension).toArray(String[]::new),
                b.stream().map(ByDimension::day).toArray(LocalDate[]::new),
                b.stream().map(ByDimension::key).toArray(String[]::new),
                byDimension.values().toArray(Integer[]::new),
                c.stream().map(InCity::day).toArray(LocalDate[]::new),
                c.stream().map(InCity::scope).toArray(String[]::new),
                c.stream().map(InCity::value).toArray(String[]::new),
                c.stream().map(InCity::cityCode).toArray(String[]::new),
                inCity.values().toArray(Integer[]::new)));
    }
}
