package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Language;
import cn.jxquality.complaint.reference.ReferenceData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns case-service's statistics into the dashboard's rows and pictures: regions summed into their 11 cities (the
 * map's areas), codes named in the reader's language, the volume line one point per day of the range.
 */
@ApplicationScoped
public class DashboardFigures {

    static final String PROVINCE = "360000";

    private final ReferenceData reference;
    private final IntakeOptions options;
    private final ObjectMapper json;

    DashboardFigures(ReferenceData reference, IntakeOptions options, ObjectMapper json) {
        this.reference = reference;
        this.options = options;
        this.json = json;
    }

    public Dashboard of(
            SupervisionClient.Summary summary,
            List<SupervisionClient.DayTotal> daily,
            List<SupervisionClient.RiskAlert> alerts,
            Language language,
            ConsoleMessages words,
            boolean late) {
        List<Dashboard.Row> cities = cities(summary.byRegion(), language);
        List<Dashboard.Row> categories = summary.byCategory().stream()
                .map(g -> row(g, options.categoryName(g.key(), language)))
                .sorted(Comparator.comparingLong(Dashboard.Row::received).reversed())
                .toList();
        List<Dashboard.Row> departments = summary.byDepartment().stream()
                .map(g -> row(g, options.departmentName(g.key(), language)))
                .sorted(Comparator.comparingLong(Dashboard.Row::received).reversed())
                .toList();
        List<Dashboard.Point> volume = volume(summary.from(), summary.to(), daily);
        Dashboard.Charts charts = new Dashboard.Charts(
                write(Map.of(
                        "type", "line",
                        "name", words.chart_received(),
                        "labels", volume.stream().map(p -> p.day().toString()).toList(),
                        "values", volume.stream().map(Dashboard.Point::received).toList())),
                write(Map.of(
                        "type", "bar",
                        "name", words.chart_received(),
                        "labels", categories.stream().map(Dashboard.Row::name).toList(),
                        "values",
                                categories.stream().map(Dashboard.Row::received).toList())),
                write(map(cities, language, words, late)),
                write(Map.of(
                        "type", "bar",
                        "name", words.chart_satisfaction(),
                        "max", 100,
                        "labels", departments.stream().map(Dashboard.Row::name).toList(),
                        "values",
                                departments.stream()
                                        .map(Dashboard.Row::satisfactionIndex)
                                        .toList())));
        return new Dashboard(
                summary.from(),
                summary.to(),
                summary,
                cities,
                categories,
                departments,
                volume,
                summary.mostSubstantiated(),
                alerts.stream().map(a -> alert(a, language)).toList(),
                charts);
    }

    /** Every city, zero where nothing was received, then the province's own bureaus when they had cases. */
    private List<Dashboard.Row> cities(List<SupervisionClient.Group> regions, Language language) {
        Map<String, long[]> byCity = new TreeMap<>();
        reference.regions().stream()
                .filter(r -> r.level().equals("CITY"))
                .forEach(r -> byCity.put(r.code(), new long[3]));
        for (SupervisionClient.Group group : regions) {
            long[] sums = byCity.computeIfAbsent(cityOf(group.key()), k -> new long[3]);
            sums[0] += group.received();
            sums[1] += group.decided();
            sums[2] += group.onTimeRate() == null ? 0 : Math.round(group.onTimeRate() * group.decided());
        }
        List<Dashboard.Row> rows = new ArrayList<>();
        byCity.forEach((code, sums) -> rows.add(new Dashboard.Row(
                code,
                regionName(code, language),
                sums[0],
                sums[1],
                sums[1] == 0 ? null : Math.round(sums[2] * 10000.0 / sums[1]) / 10000.0,
                null,
                null)));
        return rows;
    }

    private String cityOf(String regionCode) {
        return reference
                .region(regionCode)
                .map(r -> r.level().equals("COUNTY") ? r.parent() : r.code())
                .orElse(PROVINCE);
    }

    /**
     * The map: every city by its name in the map's own (Chinese) names, with English labels, coloured by its received
     * cases or, when {@code late}, by the share of its decided cases decided after their deadline (in per cent).
     */
    private Map<String, Object> map(
            List<Dashboard.Row> cities, Language language, ConsoleMessages words, boolean late) {
        List<Map<String, Object>> data = new ArrayList<>();
        Map<String, String> nameMap = new LinkedHashMap<>();
        double max = late ? 100 : 1;
        for (Dashboard.Row city : cities) {
            if (city.code().equals(PROVINCE)) {
                continue;
            }
            String mapName = regionName(city.code(), Language.ZH_CN);
            Number value = late ? (Number) lateRate(city) : (Number) city.received();
            data.add(Map.of("name", mapName, "value", value));
            nameMap.put(mapName, city.name());
            max = Math.max(max, value.doubleValue());
        }
        return Map.of(
                "type",
                "map",
                "name",
                late ? words.chart_late_rate() : words.chart_received(),
                "data",
                data,
                "nameMap",
                language == Language.EN ? nameMap : Map.of(),
                "max",
                max);
    }

    /** Per cent of the city's decided cases decided after their deadline; 0 when it decided none. */
    static double lateRate(Dashboard.Row city) {
        return city.lateRate() == null ? 0 : Math.round(city.lateRate() * 1000) / 10.0;
    }

    private static List<Dashboard.Point> volume(LocalDate from, LocalDate to, List<SupervisionClient.DayTotal> daily) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, 0L);
        }
        daily.forEach(c -> byDay.computeIfPresent(c.day(), (day, n) -> n + c.received()));
        return byDay.entrySet().stream()
                .map(e -> new Dashboard.Point(e.getKey(), e.getValue()))
                .toList();
    }

    private Dashboard.Alert alert(SupervisionClient.RiskAlert a, Language language) {
        String subject = a.creditCode() != null ? a.creditCode() : options.categoryName(a.category(), language);
        return new Dashboard.Alert(
                subject,
                a.cityCode() == null ? "—" : regionName(a.cityCode(), language),
                a.count(),
                a.baselinePerWindow(),
                cn.jxquality.complaint.page.PageFormats.beijingDay(a.windowStart()) + " – "
                        + cn.jxquality.complaint.page.PageFormats.beijingDay(a.windowEnd()));
    }

    private static Dashboard.Row row(SupervisionClient.Group g, String name) {
        return new Dashboard.Row(
                g.key(), name, g.received(), g.decided(), g.onTimeRate(), g.averageRating(), g.satisfactionIndex());
    }

    private String regionName(String code, Language language) {
        return reference
                .region(code)
                .map(r -> language == Language.EN ? r.nameEn() : r.nameZh())
                .orElse(code);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data not serialisable", e);
        }
    }
}
