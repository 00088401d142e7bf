package cn.jxquality.cases.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.cases.handling.CaseTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The summary and the day totals read stats_daily_by (one dimension at a time) and the daily counts read stats_daily
 * (every dimension at once); both are kept in the same transaction, so for any day they must tell the same story.
 */
@QuarkusTest
class StatsSummaryAgreesWithDailyCountsTest {

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void todaysSummaryIsTheSumOfTodaysDailyCountsByEveryDimension() {
        try (CaseTopics topics = new CaseTopics()) {
            topics.open("REPORT", "SERVICE.CATERING", "360102", "case.assigned.v1");
        }
        String today = CaseStatistics.day(Instant.now()).toString();
        List<Map<String, Object>> daily = given().queryParam("from", today)
                .queryParam("to", today)
                .get("/api/v1/stats/daily")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        JsonPath summary = given().queryParam("from", today)
                .queryParam("to", today)
                .get("/api/v1/stats/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Map<String, Object>> totals = given().queryParam("from", today)
                .queryParam("to", today)
                .get("/api/v1/stats/totals")
                .then()
                .statusCode(200)
                .extract()
                .path("");

        assertEquals(1, totals.size(), "one row for the day");
        assertEquals(today, totals.get(0).get("day"));
        assertEquals(sum(daily, "received"), sum(totals, "received"));
        assertEquals(sum(daily, "decided"), sum(totals, "decided"));
        assertEquals(sum(daily, "ratings"), sum(totals, "ratings"));
        assertEquals(sum(daily, "received"), summary.getLong("received"));
        assertEquals(sum(daily, "decided"), summary.getLong("decided"));
        assertEquals(sum(daily, "ratings"), summary.getLong("ratings"));
        assertEquals(byKey(daily, "departmentCode", "received"), groups(summary, "byDepartment", "received"));
        assertEquals(byKey(daily, "departmentCode", "decided"), groups(summary, "byDepartment", "decided"));
        assertEquals(byKey(daily, "category", "received"), groups(summary, "byCategory", "received"));
        assertEquals(byKey(daily, "regionCode", "received"), groups(summary, "byRegion", "received"));
        Map<String, Long> decidedByOutcome = byKey(daily, "outcome", "decided");
        decidedByOutcome.values().removeIf(n -> n == 0);
        decidedByOutcome.remove("");
        Map<String, Long> summaryByOutcome = new TreeMap<>();
        summary.<String, Number>getMap("byOutcome").forEach((k, v) -> summaryByOutcome.put(k, v.longValue()));
        assertEquals(decidedByOutcome, summaryByOutcome);
    }

    private static long sum(List<Map<String, Object>> rows, String measure) {
        return rows.stream()
                .mapToLong(r -> ((Number) r.get(measure)).longValue())
                .sum();
    }

    private static Map<String, Long> byKey(List<Map<String, Object>> rows, String key, String measure) {
        return rows.stream()
                .collect(Collectors.groupingBy(
                        r -> (String) r.get(key),
                        TreeMap::new,
                        Collectors.summingLong(r -> ((Number) r.get(measure)).longValue())));
    }

    private static Map<String, Long> groups(JsonPath summary, String list, String measure) {
        List<Map<String, Object>> groups = summary.getList(list);
        return groups.stream()
                .collect(Collectors.toMap(
                        g -> (String) g.get("key"),
                        g -> ((Number) g.get(measure)).longValue(),
                        Long::sum,
                        TreeMap::new));
    }
}
