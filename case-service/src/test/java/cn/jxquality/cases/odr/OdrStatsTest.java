package cn.jxquality.cases.odr;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.ComplaintEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ODR statistics from real events, with concrete figures: two enterprises of this test's own, their referrals sent
 * on a past day of its own (earlier runs and other tests leave rows behind in the shared database), every ending once.
 */
@QuarkusTest
class OdrStatsTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    @Inject
    Pool pool;

    private final List<ProducerRecord<String, String>> events = new ArrayList<>();

    /**
     * The cases these tests open are years old: their clocks stop, so no later scan of the shared database escalates
     * them.
     */
    @AfterEach
    void stopClocks() {
        String[] complaints =
                events.stream().map(ProducerRecord::key).distinct().toArray(String[]::new);
        pool.preparedQuery("update deadline_clock set stopped_at = now() where stopped_at is null and case_id in"
                        + " (select id from case_file where complaint_id::text = any($1))")
                .execute(Tuple.of((Object) complaints))
                .await()
                .indefinitely();
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void eachEnterpriseIsCountedByHowItAnsweredMostLapsedFirst() {
        LocalDate day =
                LocalDate.of(2020, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1800));
        Instant sent = at(day, 10);
        Instant due = at(day.plusDays(14), 23).plusSeconds(59 * 60 + 59);
        String a = ComplaintEvents.creditCode();
        String nameA = "甲测试企业 " + a;
        String b = ComplaintEvents.creditCode();
        String nameB = "乙测试企业 " + b;
        JsonPath before = odr(day, day);

        // A: a settlement confirmed, a settlement disputed, not settled (answered late), lapsed, and one under way
        settled(a, nameA, sent, due, at(day.plusDays(3), 9), true, at(day.plusDays(5), 9));
        settled(a, nameA, sent, due, at(day.plusDays(4), 9), false, at(day.plusDays(6), 9));
        notSettled(a, nameA, sent, due, at(day.plusDays(16), 9));
        lapsed(a, nameA, sent, due, at(day.plusDays(15), 0));
        referred(a, nameA, sent, Instant.now().plus(Duration.ofDays(10)));
        // B: two lapsed
        lapsed(b, nameB, sent, due, at(day.plusDays(15), 0));
        ProducerRecord<String, String> lastCase = lapsed(b, nameB, sent, due, at(day.plusDays(15), 1));
        // three complaints that came straight to the regulator the same day
        for (int i = 0; i < 3; i++) {
            events.add(ComplaintEvents.receivedAfterOdr(
                    topic(),
                    id(),
                    UUID.randomUUID(),
                    ComplaintEvents.trackingNumber(),
                    "360102",
                    at(day, 11),
                    ComplaintEvents.creditCode(),
                    "null"));
        }
        events.add(events.get(0)); // a redelivery of A's first sending
        events.add(lastCase); // and of B's last case
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(events).awaitCompletion();
        }

        Map<String, Object> expectedA = Map.ofEntries(
                Map.entry("creditCode", a),
                Map.entry("name", nameA),
                Map.entry("referred", 5),
                Map.entry("responded", 3),
                Map.entry("respondedOnTime", 2),
                Map.entry("settled", 2),
                Map.entry("confirmed", 1),
                Map.entry("disputed", 1),
                Map.entry("notSettled", 1),
                Map.entry("lapsed", 1),
                Map.entry("settlementRate", 0.25f),
                Map.entry("onTimeRate", 0.5f));
        Map<String, Object> expectedB = Map.ofEntries(
                Map.entry("creditCode", b),
                Map.entry("name", nameB),
                Map.entry("referred", 2),
                Map.entry("responded", 0),
                Map.entry("respondedOnTime", 0),
                Map.entry("settled", 0),
                Map.entry("confirmed", 0),
                Map.entry("disputed", 0),
                Map.entry("notSettled", 0),
                Map.entry("lapsed", 2),
                Map.entry("settlementRate", 0.0f),
                Map.entry("onTimeRate", 0.0f));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath stats = odr(day, day);
            assertEquals(expectedA, enterprise(stats, a));
            assertEquals(expectedB, enterprise(stats, b));
            assertEquals(before.getLong("complaintsReceived") + 10, stats.getLong("complaintsReceived"));
        });
        JsonPath after = odr(day, day);
        List<String> order = after.getList("enterprises.creditCode");
        assertTrue(order.indexOf(b) < order.indexOf(a), "most lapsed first: " + order);
        assertEquals(before.getLong("referred") + 7, after.getLong("referred"));
        assertEquals(before.getLong("complaintsReceived") + 10, after.getLong("complaintsReceived"));
        if (before.getLong("complaintsReceived") == 0) { // the day is this run's alone, as it nearly always is
            assertEquals(0.7f, after.getFloat("odrShare"));
        }
    }

    /** The credit record: an enterprise that lets ODR complaints lapse is listed in the summary, by the day they lapsed. */
    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theSummaryListsTheEnterprisesThatLetOdrComplaintsLapse() {
        LocalDate day =
                LocalDate.of(2015, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1800));
        Instant sent = at(day, 10);
        Instant due = at(day.plusDays(14), 23);
        String a = ComplaintEvents.creditCode();
        String b = ComplaintEvents.creditCode();
        lapsed(a, "甲", sent, due, at(day.plusDays(15), 9));
        lapsed(b, "乙", sent, due, at(day.plusDays(15), 9));
        lapsed(b, "乙", sent, due, at(day.plusDays(15), 10));
        lapsed(b, "乙", sent, due, at(day.plusDays(16), 10));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(events).awaitCompletion();
        }
        LocalDate lapsedOn = day.plusDays(15);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("from", lapsedOn.toString())
                        .queryParam("to", lapsedOn.toString())
                        .get("/api/v1/stats/summary")
                        .then()
                        .statusCode(200)
                        .body("mostLapsedOdr.find { it.creditCode == '" + b + "' }.lapsedOdr", equalTo(2))
                        .body("mostLapsedOdr.find { it.creditCode == '" + b + "' }.substantiated", equalTo(0))
                        .body("mostLapsedOdr.find { it.creditCode == '" + a + "' }.lapsedOdr", equalTo(1)));
        List<String> order = given().queryParam("from", lapsedOn.toString())
                .queryParam("to", lapsedOn.plusDays(1).toString())
                .get("/api/v1/stats/summary")
                .then()
                .body("mostLapsedOdr.find { it.creditCode == '" + b + "' }.lapsedOdr", equalTo(3))
                .extract()
                .path("mostLapsedOdr.creditCode");
        assertTrue(order.indexOf(b) < order.indexOf(a), "most lapsed first: " + order);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theRangeFollowsTheSummarysRules() {
        given().queryParam("from", "2026-11-02")
                .queryParam("to", "2026-11-01")
                .get("/api/v1/stats/odr")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2025-01-01")
                .queryParam("to", "2026-11-01")
                .get("/api/v1/stats/odr")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("to"));
        given().queryParam("from", "yesterday").get("/api/v1/stats/odr").then().statusCode(400);
        given().get("/api/v1/stats/odr")
                .then()
                .statusCode(200)
                .body("from", equalTo(LocalDate.now(BEIJING).minusDays(29).toString()));
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void departmentsDoNotReadTheOdrStatistics() {
        given().get("/api/v1/stats/odr").then().statusCode(403);
    }

    @Test
    void anonymousCallersDoNotReadTheOdrStatistics() {
        given().get("/api/v1/stats/odr").then().statusCode(401);
    }

    /** Sent, answered with a settlement, then confirmed by the citizen or disputed (which opens a case). */
    private void settled(
            String code, String name, Instant sent, Instant due, Instant answered, boolean confirmed, Instant citizen) {
        UUID complaint = UUID.randomUUID();
        String number = ComplaintEvents.trackingNumber();
        events.add(ComplaintEvents.sentToEnterprise(topic(), id(), complaint, number, code, name, sent, due));
        events.add(ComplaintEvents.enterpriseResponded(topic(), id(), complaint, number, code, true, answered, due));
        events.add(
                ComplaintEvents.settlementAnswered(topic(), id(), complaint, number, code, confirmed, true, citizen));
        if (!confirmed) {
            String odr = ComplaintEvents.odr(code, name, sent, due, answered, citizen, "DISPUTED");
            events.add(ComplaintEvents.receivedAfterOdr(topic(), id(), complaint, number, "360102", sent, code, odr));
        }
    }

    private void notSettled(String code, String name, Instant sent, Instant due, Instant answered) {
        UUID complaint = UUID.randomUUID();
        String number = ComplaintEvents.trackingNumber();
        events.add(ComplaintEvents.sentToEnterprise(topic(), id(), complaint, number, code, name, sent, due));
        events.add(ComplaintEvents.enterpriseResponded(topic(), id(), complaint, number, code, false, answered, due));
        String odr = ComplaintEvents.odr(code, name, sent, due, answered, answered, "NOT_SETTLED");
        events.add(ComplaintEvents.receivedAfterOdr(topic(), id(), complaint, number, "360102", sent, code, odr));
    }

    /** Sent, never answered: lapsed, which opens a case; yields the event that opens it. */
    private ProducerRecord<String, String> lapsed(String code, String name, Instant sent, Instant due, Instant ended) {
        UUID complaint = UUID.randomUUID();
        String number = ComplaintEvents.trackingNumber();
        events.add(ComplaintEvents.sentToEnterprise(topic(), id(), complaint, number, code, name, sent, due));
        String odr = ComplaintEvents.odr(code, name, sent, due, null, ended, "LAPSED");
        events.add(ComplaintEvents.receivedAfterOdr(topic(), id(), complaint, number, "360102", sent, code, odr));
        return events.get(events.size() - 1);
    }

    private void referred(String code, String name, Instant sent, Instant due) {
        events.add(ComplaintEvents.sentToEnterprise(
                topic(), id(), UUID.randomUUID(), ComplaintEvents.trackingNumber(), code, name, sent, due));
    }

    private JsonPath odr(LocalDate from, LocalDate to) {
        return given().queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/api/v1/stats/odr")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> enterprise(JsonPath stats, String creditCode) {
        Map<String, Object> found = stats.getMap("enterprises.find { it.creditCode == '" + creditCode + "' }");
        return found == null ? Map.of() : found;
    }

    private String topic() {
        return prefix + "complaint-events";
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(BEIJING).toInstant();
    }
}
