package cn.jxquality.cases.casefile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.cases.ComplaintEvents;
import cn.jxquality.cases.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aReceivedComplaintBecomesOneRoutedCaseHoweverOftenDelivered() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = ComplaintEvents.trackingNumber();
        String eventId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> caseEvents = kafka.consumeStrings().fromTopics(prefix + "case-events");
            for (int delivery = 0; delivery < 3; delivery++) {
                kafka.produceStrings()
                        .fromRecords(ComplaintEvents.received(
                                prefix + "complaint-events",
                                eventId,
                                complaintId,
                                trackingNumber,
                                "PRODUCT.FOOD",
                                "360102"))
                        .awaitCompletion();
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> given().queryParam("trackingNumber", trackingNumber)
                            .when()
                            .get("/api/v1/cases")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize(1))
                            .body("items[0].state", equalTo("ASSIGNED"))
                            .body("items[0].departmentCode", equalTo("360102-AMR"))
                            .body("items[0].routingRuleId", notNullValue()));
            ConsumerRecord<String, String> assigned = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> caseEvents.getRecords().stream()
                                    .filter(r -> complaintId.toString().equals(r.key()))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            caseEvents.stop();
            assertEquals("case.assigned.v1", header(assigned, "ce_type"));
            assertEquals(trackingNumber, header(assigned, "ce_subject"));
        }
        String caseId = given().queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/cases")
                .then()
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        // opened once: one audit entry per step, two running clocks (the acceptance and the transfer limits), each
        // warned at 80 %
        given().when()
                .get("/api/v1/cases/{id}/events", caseId)
                .then()
                .statusCode(200)
                .body("type", contains("case.created", "case.assigned"))
                .body("toState", contains("NEW", "ASSIGNED"));
        RowSet<Row> clocks = pool.preparedQuery("select name, extract(epoch from warn_at - started_at)"
                        + " / extract(epoch from due_at - started_at) as share from deadline_clock where case_id = $1"
                        + " order by name")
                .execute(Tuple.of(UUID.fromString(caseId)))
                .await()
                .indefinitely();
        assertEquals(2, clocks.size());
        List<String> names = new ArrayList<>();
        for (Row clock : clocks) {
            names.add(clock.getString("name"));
            assertEquals(0.8, clock.getDouble("share"), 0.0001);
        }
        assertEquals(List.of("acceptBy", "transferBy"), names);
    }

    /**
     * A burst is read in batches and opened together: every complaint gets exactly one case with its audit entries
     * and its event, a redelivery inside the burst changes nothing, and a poison event among them is dead-lettered
     * alone while its neighbours are opened.
     */
    @Test
    void aBurstIsOpenedTogetherOnceEachAndItsPoisonEventAlone() {
        List<String> numbers = new ArrayList<>();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        UUID poisoned = UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            String number = ComplaintEvents.trackingNumber();
            numbers.add(number);
            burst.add(ComplaintEvents.received(
                    prefix + "complaint-events",
                    UUID.randomUUID().toString(),
                    UUID.randomUUID(),
                    number,
                    "PRODUCT.FOOD",
                    "360102"));
            if (i == 10) {
                burst.add(burst.get(5)); // delivered twice
            }
            if (i == 20) {
                burst.add(ComplaintEvents.received(
                        prefix + "complaint-events",
                        UUID.randomUUID().toString(),
                        poisoned,
                        ComplaintEvents.trackingNumber(),
                        "PRODUCT.FOOD",
                        "36"));
            }
        }
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics(prefix + "case-service-dlq");
            kafka.produceStrings().fromRecords(burst).awaitCompletion();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from case_file where tracking_number = any($1)", numbers)
                            == numbers.size());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> deadLetters.getRecords().stream()
                            .anyMatch(r -> poisoned.toString().equals(r.key())));
            deadLetters.stop();
        }
        assertEquals(
                numbers.size(),
                count(
                        "select count(distinct complaint_id) from case_file where tracking_number = any($1)"
                                + " and state = 'ASSIGNED'",
                        numbers));
        assertEquals(
                2L * numbers.size(),
                count(
                        "select count(*) from case_event e join case_file f on f.id = e.case_id"
                                + " where f.tracking_number = any($1)",
                        numbers));
        assertEquals(
                numbers.size(),
                count(
                        "select count(*) from outbox_event where subject = any($1) and type = 'case.assigned.v1'",
                        numbers));
        // counted once each, the redelivery not at all: the enterprise's count of the day is its cases of the day
        // (both are written in one transaction, so any one snapshot agrees)
        Row enterprise = pool.query("select (select count(*) from case_file where subject_credit_code ="
                        + " '91360100158304019E' and (received_at at time zone 'Asia/Shanghai')::date ="
                        + " (now() at time zone 'Asia/Shanghai')::date) as cases, (select coalesce(sum(received), 0)"
                        + " from stats_city_daily where scope = 'ENTERPRISE' and value = '91360100158304019E'"
                        + " and day = (now() at time zone 'Asia/Shanghai')::date) as counted")
                .execute()
                .await()
                .indefinitely()
                .iterator()
                .next();
        assertEquals(enterprise.getLong("cases"), enterprise.getLong("counted"));
    }

    private long count(String sql, List<String> numbers) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(numbers.toArray(String[]::new)))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void whatNoRuleMatchesWaitsForTriage() {
        String trackingNumber = ComplaintEvents.trackingNumber();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings()
                    .fromRecords(ComplaintEvents.received(
                            prefix + "complaint-events",
                            UUID.randomUUID().toString(),
                            UUID.randomUUID(),
                            trackingNumber,
                            "PRODUCT.FOOD",
                            "440300"))
                    .awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("trackingNumber", trackingNumber)
                        .when()
                        .get("/api/v1/cases")
                        .then()
                        .body("items", hasSize(1))
                        .body("items[0].state", equalTo("NEW"))
                        .body("items[0].departmentCode", equalTo(null)));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotStallThePartition() {
        String trackingNumber = ComplaintEvents.trackingNumber();
        UUID complaintId = UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics(prefix + "case-service-dlq");
            kafka.produceStrings()
                    .fromRecords(ComplaintEvents.cloudEvent(
                            prefix + "complaint-events",
                            UUID.randomUUID().toString(),
                            "complaint.received.v1",
                            complaintId.toString(),
                            "{ this is not json"))
                    .awaitCompletion();
            kafka.produceStrings()
                    .fromRecords(ComplaintEvents.received(
                            prefix + "complaint-events",
                            UUID.randomUUID().toString(),
                            complaintId,
                            ComplaintEvents.trackingNumber(),
                            "PRODUCT.FOOD",
                            "36"))
                    .awaitCompletion();
            kafka.produceStrings()
                    .fromRecords(ComplaintEvents.received(
                            prefix + "complaint-events",
                            UUID.randomUUID().toString(),
                            complaintId,
                            trackingNumber,
                            "PRODUCT.FOOD",
                            "360102"))
                    .awaitCompletion();
            // both the malformed body and the event without a usable region code, at once rather than after retries
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> deadLetters.getRecords().stream()
                                    .filter(r -> complaintId.toString().equals(r.key()))
                                    .count()
                            == 2);
            deadLetters.stop();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("trackingNumber", trackingNumber)
                        .when()
                        .get("/api/v1/cases")
                        .then()
                        .body("items", hasSize(1)));
    }

    @Test
    void departmentsSeeOnlyTheirOwnCasesWithRealKeycloakTokens() {
        String trackingNumber = ComplaintEvents.trackingNumber();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings()
                    .fromRecords(ComplaintEvents.received(
                            prefix + "complaint-events",
                            UUID.randomUUID().toString(),
                            UUID.randomUUID(),
                            trackingNumber,
                            "PRODUCT.FOOD",
                            "360100"))
                    .awaitCompletion();
        }
        String nanchang = KeycloakTokens.of("dept-nc-amr");
        String caseId = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(nanchang)
                                .queryParam("trackingNumber", trackingNumber)
                                .when()
                                .get("/api/v1/cases")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        given().auth()
                .oauth2(nanchang)
                .when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("departmentCode", equalTo("360100-AMR"));

        String ganzhou = KeycloakTokens.of("dept-gz-amr");
        given().auth()
                .oauth2(ganzhou)
                .when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ganzhou)
                .queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        // hotline operators read any case to tell callers where it stands (they change none: CaseActionRolesTest)
        given().auth()
                .oauth2(KeycloakTokens.of("operator1"))
                .when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("trackingNumber", equalTo(trackingNumber));
        given().when().get("/api/v1/cases/" + caseId).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "dept-x", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360700-AMR"))
    void aDepartmentListsNothingOutsideItsCode() {
        given().when()
                .get("/api/v1/cases?limit=200")
                .then()
                .statusCode(200)
                .body("items.findAll { it.departmentCode != '360700-AMR' }", hasSize(0));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void badPagingInputIsAClientError() {
        given().queryParam("limit", 0).when().get("/api/v1/cases").then().statusCode(400);
        given().queryParam("after", "not-a-cursor")
                .when()
                .get("/api/v1/cases")
                .then()
                .statusCode(400);
        given().queryParam("state", "LOST")
                .when()
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("state"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
