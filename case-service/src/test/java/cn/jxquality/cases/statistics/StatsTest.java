package cn.jxquality.cases.statistics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.cases.ComplaintEvents;
import cn.jxquality.cases.deadline.DeadlineScheduler;
import cn.jxquality.cases.handling.CaseTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Statistics kept incrementally from real cases, compared before and after (earlier runs leave rows behind). */
@QuarkusTest
class StatsTest {

    static final String CREDIT_CODE = "91360100158304019E";

    @Inject
    Pool pool;

    @Inject
    DeadlineScheduler scheduler;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void decisionsAreCountedByOutcomeWithOnTimeRateAndHandlingTime() {
        Totals before = totals();
        JsonPath summaryBefore = summary();

        CaseTopics.OpenedCase mediated = topics.openNanchangComplaint();
        act(mediated.id(), "accept", "{}");
        act(mediated.id(), "start", "{}");
        act(mediated.id(), "resolve", "{\"outcome\":\"MEDIATED\",\"note\":\"refunded\"}");

        CaseTopics.OpenedCase substantiated = topics.open("REPORT", "PRODUCT.FOOD", "360100", "case.assigned.v1");
        act(substantiated.id(), "accept", "{}");
        act(substantiated.id(), "start", "{}");
        act(substantiated.id(), "resolve", """
                {"outcome":"SUBSTANTIATED","decisionNumber":"洪市监罚〔2026〕7号","finesFen":100000,"confiscationsFen":0}""");

        CaseTopics.OpenedCase late = topics.openNanchangComplaint();
        pool.preparedQuery("update deadline_clock set started_at = now() - interval '10 days',"
                        + " warn_at = now() - interval '2 days', due_at = now() - interval '1 day'"
                        + " where case_id = $1 and name = 'acceptBy'")
                .execute(Tuple.of(late.id()))
                .await()
                .indefinitely();
        scheduler.scanAll().await().indefinitely();
        act(late.id(), "refuse", "{\"ground\":\"NOT_WITHIN_DUTIES\"}");

        Totals after = totals();
        assertEquals(before.received() + 3, after.received());
        assertEquals(before.decided() + 3, after.decided());
        assertEquals(before.onTime() + 2, after.onTime(), "the refusal came after its deadline ran out");

        JsonPath summaryAfter = summary();
        assertEquals(summaryBefore.getLong("received") + 3, summaryAfter.getLong("received"));
        assertEquals(outcome(summaryBefore, "MEDIATED") + 1, outcome(summaryAfter, "MEDIATED"));
        assertEquals(outcome(summaryBefore, "SUBSTANTIATED") + 1, outcome(summaryAfter, "SUBSTANTIATED"));
        assertEquals(outcome(summaryBefore, "NOT_ACCEPTED") + 1, outcome(summaryAfter, "NOT_ACCEPTED"));
        assertEquals(substantiated(summaryBefore) + 1, substantiated(summaryAfter));
        given().get("/api/v1/stats/summary")
                .then()
                .body("onTimeRate", notNullValue())
                .body("medianHandlingDays", notNullValue())
                .body("byDepartment.find { it.key == '360100-AMR' }.decided", notNullValue());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aFollowUpRatingCountsOnceHoweverOftenDelivered() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "accept", "{}");
        act(opened.id(), "start", "{}");
        act(opened.id(), "resolve", "{\"outcome\":\"WITHDRAWN\"}");
        JsonPath before = summary();

        String eventId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            for (int delivery = 0; delivery < 3; delivery++) {
                kafka.produceStrings().fromRecords(feedback(eventId, opened, 4)).awaitCompletion();
            }
            // a second rating of the same complaint does not replace the first
            kafka.produceStrings()
                    .fromRecords(feedback(UUID.randomUUID().toString(), opened, 1))
                    .awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> given().get("/api/v1/cases/" + opened.id()).then().body("feedbackRating", equalTo(4)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath after = summary();
            assertEquals(before.getLong("ratings") + 1, after.getLong("ratings"));
        });
        given().get("/api/v1/cases/" + opened.id() + "/events")
                .then()
                .body("findAll { it.type == 'case.feedback' }.size()", equalTo(1))
                .body("find { it.type == 'case.feedback' }.note", equalTo("回访评价 Follow-up rating 4/5"));
    }

    /**
     * Each department's satisfaction index over the range: from its ratings' sum and count over all days, to two
     * decimals (5, 4 and 1 are 58.33: the rounded average 3.33 would give 58.25); none without ratings. Rows of a day
     * in 2001, under keys of this run, so that nothing else counts in.
     */
    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void eachDepartmentsSatisfactionIndexComesFromItsRatings() {
        String rated = "T" + UUID.randomUUID().toString().substring(0, 8) + "-AMR";
        String unrated = "U" + rated.substring(1);
        statsRow(rated, "2001-03-01", 2, 2, 9); // rated 5 and 4
        statsRow(rated, "2001-03-02", 1, 1, 1); // rated 1
        statsRow(unrated, "2001-03-02", 3, 0, 0);
        given().queryParam("from", "2001-03-01")
                .queryParam("to", "2001-03-02")
                .get("/api/v1/stats/summary")
                .then()
                .statusCode(200)
                .body("byDepartment.find { it.key == '" + rated + "' }.received", equalTo(3))
                .body("byDepartment.find { it.key == '" + rated + "' }.ratings", equalTo(3))
                .body("byDepartment.find { it.key == '" + rated + "' }.averageRating", equalTo(3.33f))
                .body("byDepartment.find { it.key == '" + rated + "' }.satisfactionIndex", equalTo(58.33f))
                .body("byDepartment.find { it.key == '" + unrated + "' }.ratings", equalTo(0))
                .body("byDepartment.find { it.key == '" + unrated + "' }.satisfactionIndex", nullValue());
        given().queryParam("from", "2001-03-01")
                .queryParam("to", "2001-03-01")
                .get("/api/v1/stats/summary")
                .then()
                .body("byDepartment.find { it.key == '" + rated + "' }.satisfactionIndex", equalTo(87.5f));
    }

    private void statsRow(String department, String day, int received, int ratings, int ratingSum) {
        pool.preparedQuery("insert into stats_daily_by (dimension, day, key, received, ratings, rating_sum)"
                        + " values ('DEPARTMENT', $1, $2, $3, $4, $5)")
                .execute(Tuple.of(java.time.LocalDate.parse(day), department, received, ratings, ratingSum))
                .await()
                .indefinitely();
    }

    @Test
    void aRatingOutOfRangeGoesToTheDeadLetterTopic() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics(prefix + "case-service-dlq");
            kafka.produceStrings()
                    .fromRecords(feedback(UUID.randomUUID().toString(), opened, 9))
                    .awaitCompletion();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> deadLetters.getRecords().stream()
                            .anyMatch(r -> opened.complaintId().toString().equals(r.key())));
            deadLetters.stop();
        }
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void badRangesAreClientErrors() {
        given().queryParam("from", "yesterday")
                .get("/api/v1/stats/summary")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2026-11-20")
                .queryParam("to", "2026-11-10")
                .get("/api/v1/stats/summary")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2024-01-01")
                .queryParam("to", "2026-11-10")
                .get("/api/v1/stats/summary")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("to"));
        given().queryParam("from", "2026-10-01")
                .queryParam("to", "2026-11-10")
                .get("/api/v1/stats/daily")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void departmentsDoNotReadStatistics() {
        given().get("/api/v1/stats/summary").then().statusCode(403);
        given().get("/api/v1/stats/daily").then().statusCode(403);
        given().get("/api/v1/stats/totals").then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "someone",
            roles = {"auditor", "operator", "reward-reviewer", "reward-approver", "finance"})
    void otherRolesDoNotReadStatistics() {
        given().get("/api/v1/stats/summary").then().statusCode(403);
        given().get("/api/v1/stats/daily").then().statusCode(403);
        given().get("/api/v1/stats/totals").then().statusCode(403);
    }

    @Test
    void anonymousCallersDoNotReadStatistics() {
        given().get("/api/v1/stats/summary").then().statusCode(401);
        given().get("/api/v1/stats/daily").then().statusCode(401);
    }

    private record Totals(long received, long decided, long onTime) {}

    /** Today's counts summed over the daily rows. */
    private static Totals totals() {
        List<Map<String, Object>> rows = given().get("/api/v1/stats/daily")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        return new Totals(
                rows.stream()
                        .mapToLong(r -> ((Number) r.get("received")).longValue())
                        .sum(),
                rows.stream()
                        .mapToLong(r -> ((Number) r.get("decided")).longValue())
                        .sum(),
                rows.stream()
                        .mapToLong(r -> ((Number) r.get("decidedOnTime")).longValue())
                        .sum());
    }

    private static JsonPath summary() {
        String today = CaseStatistics.day(Instant.now()).toString();
        return given().queryParam("from", today)
                .queryParam("to", today)
                .get("/api/v1/stats/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long outcome(JsonPath summary, String outcome) {
        Number n = summary.get("byOutcome." + outcome);
        return n == null ? 0 : n.longValue();
    }

    private static long substantiated(JsonPath summary) {
        Number n = summary.get("mostSubstantiated.find { it.creditCode == '" + CREDIT_CODE + "' }.substantiated");
        return n == null ? 0 : n.longValue();
    }

    private static void act(UUID id, String action, String body) {
        int version = given().get("/api/v1/cases/" + id).then().extract().path("version");
        given().header("If-Match", "\"" + version + "\"")
                .contentType("application/json")
                .body(body)
                .post("/api/v1/cases/" + id + "/" + action)
                .then()
                .statusCode(200);
    }

    private org.apache.kafka.clients.producer.ProducerRecord<String, String> feedback(
            String eventId, CaseTopics.OpenedCase opened, int rating) {
        return ComplaintEvents.feedbackGiven(
                prefix + "complaint-events", eventId, opened.complaintId(), opened.trackingNumber(), rating);
    }
}
