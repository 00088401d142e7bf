package cn.jxquality.cases.risk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jxquality.cases.EventSchemas;
import cn.jxquality.cases.KeycloakTokens;
import cn.jxquality.cases.handling.CaseTopics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The risk alert scan over seeded daily counts, against the real database and broker (its timer is off in tests). */
@QuarkusTest
class RiskAlertTest {

    static final String CITY = "360100";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    RiskAlertConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aRiseFarAboveTheBaselineRaisesExactlyOneAlertAndAQuieterOneNone() throws Exception {
        String rising = creditCode();
        String usual = creditCode();
        // eight baseline weeks with one case each (baseline 1 per window): six cases this week alert
        for (int week = 1; week <= 8; week++) {
            seed(rising, today.minusDays(7L * week), 1);
        }
        seed(rising, today, 3);
        seed(rising, today.minusDays(3), 3);
        // two cases a week (baseline 2): five this week are below three times it
        for (int week = 1; week <= 8; week++) {
            seed(usual, today.minusDays(7L * week + 1), 2);
        }
        seed(usual, today.minusDays(1), 5);

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(prefix + "case-events");
            RiskAlertScan first = new RiskAlertScan(pool, json, config.rule());
            RiskAlertScan second = new RiskAlertScan(pool, json, config.rule());
            Uni.join().all(first.scan(), second.scan()).andFailFast().await().atMost(Duration.ofSeconds(30));
            first.scan().await().indefinitely();

            String key = CITY + ":ENTERPRISE:" + rising;
            ConsumerRecord<String, String> published = await().atMost(Duration.ofSeconds(20))
                    .until(() -> keyed(events, key), list -> !list.isEmpty())
                    .get(0);
            assertEquals(RiskAlert.TYPE, header(published, "ce_type"));
            assertNull(published.headers().lastHeader("ce_subject"), "no tracking number, no subject");
            JsonNode alert = json.readTree(published.value());
            EventSchemas.assertValid(RiskAlert.TYPE, alert);
            assertEquals("ENTERPRISE", alert.get("scope").asText());
            assertEquals(rising, alert.get("creditCode").asText());
            assertEquals(6, alert.get("count").asInt());
            assertEquals(1.0, alert.get("baselinePerWindow").asDouble());
            assertEquals(
                    today.minusDays(6).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                    Instant.parse(alert.get("windowStart").asText()));
            assertEquals(
                    today.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                    Instant.parse(alert.get("windowEnd").asText()));

            assertEquals(1, count("select count(*) from risk_alert where value = $1", rising));
            assertEquals(1, count("select count(*) from outbox_event where record_key = $1", key));
            assertEquals(0, count("select count(*) from risk_alert where value = $1", usual));
            assertEquals(List.of(), keyed(events, CITY + ":ENTERPRISE:" + usual));
            assertEquals(1, keyed(events, key).size());

            given().queryParam("cityCode", CITY)
                    .get("/api/v1/risk-alerts")
                    .then()
                    .statusCode(200)
                    .body("alertId", hasItem(alert.get("alertId").asText()))
                    .body("find { it.creditCode == '" + rising + "' }.count", equalTo(6));
            given().queryParam("open", false)
                    .get("/api/v1/risk-alerts")
                    .then()
                    .statusCode(200)
                    .body("alertId", not(hasItem(alert.get("alertId").asText())));
            given().queryParam("cityCode", "360200")
                    .get("/api/v1/risk-alerts")
                    .then()
                    .statusCode(200)
                    .body("cityCode", everyItem(equalTo("360200")));
            events.stop();
        }
    }

    @Test
    void aKeyThatAlertedInAnOverlappingWindowStaysQuiet() {
        String rising = creditCode();
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        // yesterday's scan raised an alert for the window ending yesterday
        pool.preparedQuery("insert into risk_alert (id, scope, value, city_code, window_start, window_end, received,"
                        + " baseline_per_window, raised_at) values (gen_random_uuid(), 'ENTERPRISE', $1, $2, $3, $4, 7, 0,"
                        + " now() - interval '1 day')")
                .execute(Tuple.of(
                        rising,
                        CITY,
                        today.minusDays(7).atStartOfDay(beijing).toOffsetDateTime(),
                        today.atStartOfDay(beijing).toOffsetDateTime()))
                .await()
                .indefinitely();
        seed(rising, today, 9);

        new RiskAlertScan(pool, json, config.rule()).scan().await().indefinitely();

        assertEquals(1, count("select count(*) from risk_alert where value = $1", rising));
        assertEquals(
                0, count("select count(*) from outbox_event where record_key = $1", CITY + ":ENTERPRISE:" + rising));
    }

    @Test
    void eachReceivedCaseIsCountedByCityForItsCategoryAndItsEnterprise() {
        String creditCode = "91360100158304019E"; // the subject of every complaint the tests publish
        long category = received("CATEGORY", "PRODUCT.FOOD");
        long enterprise = received("ENTERPRISE", creditCode);
        try (CaseTopics topics = new CaseTopics()) {
            topics.open("COMPLAINT", "PRODUCT.FOOD", "360102", "case.assigned.v1");
        }
        assertEquals(category + 1, received("CATEGORY", "PRODUCT.FOOD"));
        assertEquals(enterprise + 1, received("ENTERPRISE", creditCode));
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsReadTheRiskAlertsAndBadParametersAreRefused() {
        given().get("/api/v1/risk-alerts").then().statusCode(200);
        given().queryParam("limit", 0).get("/api/v1/risk-alerts").then().statusCode(400);
        given().queryParam("cityCode", "3601").get("/api/v1/risk-alerts").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void departmentsDoNotReadTheRiskAlerts() {
        given().get("/api/v1/risk-alerts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void administratorsDoNotReadTheRiskAlerts() {
        given().get("/api/v1/risk-alerts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorsDoNotReadTheRiskAlerts() {
        given().get("/api/v1/risk-alerts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "reward-reviewer")
    void rewardReviewersDoNotReadTheRiskAlerts() {
        given().get("/api/v1/risk-alerts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "approver1", roles = "reward-approver")
    void rewardApproversDoNotReadTheRiskAlerts() {
        given().get("/api/v1/risk-alerts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "finance1", roles = "finance")
    void financeDoNotReadTheRiskAlerts() {
        given().get("/api/v1/risk-alerts").then().statusCode(403);
    }

    @Test
    void aSupervisorsRealKeycloakTokenReadsTheRiskAlertsAndADepartmentsDoesNot() {
        given().auth()
                .oauth2(KeycloakTokens.of("supervisor1"))
                .get("/api/v1/risk-alerts")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(KeycloakTokens.of("dept-nc-amr"))
                .get("/api/v1/risk-alerts")
                .then()
                .statusCode(403);
    }

    @Test
    void anonymousCallersDoNotReadTheRiskAlerts() {
        given().get("/api/v1/risk-alerts").then().statusCode(401);
    }

    private static String creditCode() {
        StringBuilder code = new StringBuilder("91360100");
        for (int i = 0; i < 10; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.toString();
    }

    private void seed(String creditCode, LocalDate day, int cases) {
        pool.preparedQuery("insert into stats_city_daily (day, scope, value, city_code, received)"
                        + " values ($1, 'ENTERPRISE', $2, $3, $4)")
                .execute(Tuple.of(day, creditCode, CITY, cases))
                .await()
                .indefinitely();
    }

    private long received(String scope, String value) {
        return count(
                "select coalesce(sum(received), 0) from stats_city_daily where day = $1 and scope = $2 and value = $3"
                        + " and city_code = $4",
                today,
                scope,
                value,
                CITY);
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(args))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    private static List<ConsumerRecord<String, String>> keyed(ConsumerTask<String, String> events, String key) {
        return events.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
