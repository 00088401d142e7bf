package cn.jxquality.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.CaseServiceEvents;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IntakeResourceTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    /**
     * Seven digits hold 10,000,000 complaints a day; the next one would repeat the day's first number. Moving the
     * sequence a day's worth ahead makes the next number repeat the last one issued: that is a 503 with Retry-After
     * until midnight in Beijing, never a 500, and nothing is stored.
     */
    @Test
    void whenTheDaysNumbersAreUsedUpIntakeAnswers503UntilMidnight() {
        submitAccepted();
        long last = sequence("select last_value from tracking_number_seq");
        long complaints = sequence("select count(*) from complaint");
        try {
            sequence("select setval('tracking_number_seq', " + (last + 10_000_000L - 1) + ")");
            String retryAfter = given().contentType(ContentType.JSON)
                    .body(Submissions.webComplaint())
                    .when()
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/tracking-numbers-used-up"))
                    .extract()
                    .header("Retry-After");
            long seconds = Long.parseLong(retryAfter);
            assertTrue(seconds >= 1 && seconds <= 86_400, "until midnight in Beijing: " + seconds);
            assertEquals(complaints, sequence("select count(*) from complaint"));
        } finally {
            // on past every number the day has given
            sequence("select setval('tracking_number_seq', " + (last + 10_000_000L) + ")");
        }
        submitAccepted();
    }

    private static void submitAccepted() {
        given().contentType(ContentType.JSON)
                .body(Submissions.webComplaint())
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201);
    }

    private long sequence(String sql) {
        return pool.query(sql)
                .execute()
                .await()
                .atMost(Duration.ofSeconds(5))
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void webComplaintIsStoredWithSealedPersonAndAnnouncedWithoutIt() throws Exception {
        String trackingNumber = given().contentType(ContentType.JSON)
                .body(Submissions.webComplaint())
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/complaints/JX\\d{15}$"))
                .body("trackingNumber", matchesPattern("^JX\\d{15}$"))
                .body("queryCode", matchesPattern("^[2-9A-HJKMNP-Z]{12}$"))
                .body("status", equalTo("RECEIVED"))
                .extract()
                .path("trackingNumber");

        Row row = pool.preparedQuery("select * from complaint where tracking_number = $1")
                .execute(Tuple.of(trackingNumber))
                .await()
                .atMost(Duration.ofSeconds(5))
                .iterator()
                .next();
        String raw = new String(row.getBuffer("person_ciphertext").getBytes(), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("13800138000"), "mobile must not be stored in clear");
        assertFalse(raw.contains("36010219900101123X"), "ID number must not be stored in clear");
        assertEquals("v1", row.getString("person_key_id"));
        assertNotNull(row.getBuffer("mobile_blind_index"));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topicPrefix + "complaint-events");
            ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> records.getRecords().stream()
                                    .filter(r -> trackingNumber.equals(header(r, "ce_subject")))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            records.stop();
            assertEquals("complaint.received.v1", header(event, "ce_type"));
            cn.jxquality.complaint.EventSchemas.assertValid(
                    "complaint.received.v1", new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.value()));
            assertEquals("1.0", header(event, "ce_specversion"));
            assertEquals(row.getUUID("id").toString(), event.key());
            assertFalse(event.value().contains("张三"), "no personal data in events");
            assertFalse(event.value().contains("13800138000"), "no personal data in events");
        }
    }

    /** A complaint stands on a real identity: a resident ID number off by one digit is refused, nothing stored. */
    @Test
    void anIdNumberWithAWrongCheckDigitIsRejectedNamingTheField() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        Submissions.personOf(body).put("idType", "RESIDENT_ID_CARD");
        Submissions.personOf(body).put("idNumber", "110105194912310021");
        submit(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("person.idNumber"))
                .body("violations.message", hasItem(containsString("check digit")));
        Submissions.personOf(body).put("idNumber", "11010519491231002X");
        submit(body).statusCode(201);
    }

    @Test
    void invalidCreditCodeIsRejectedNamingTheField() {
        Map<String, Object> body = Submissions.webComplaint();
        Submissions.subjectOf(body).put("creditCode", "91360100158304019D");
        submit(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("subject.creditCode"));
    }

    @Test
    void unknownRegionAndCategoryAreRejected() {
        Map<String, Object> body = Submissions.webComplaint();
        Submissions.subjectOf(body).put("regionCode", "369999");
        body.put("category", "PRODUCT.UNICORNS");
        submit(body)
                .statusCode(400)
                .body("violations.field", hasItem("subject.regionCode"))
                .body("violations.field", hasItem("category"));
    }

    /** A number where a date belongs reads as days since 1970: -50718373 is about 137,000 BC, which PostgreSQL cannot store. */
    @Test
    void anOccurrenceDateBeforeTheEarliestIsRejectedNotAServerError() {
        for (Object occurredOn : List.of(-50_718_373, "1949-12-31", "-9999-01-01")) {
            Map<String, Object> body = Submissions.uniqueWebComplaint();
            body.put("occurredOn", occurredOn);
            submit(body)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("occurredOn"));
        }
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("occurredOn", "1950-01-01");
        submit(body).statusCode(201);
    }

    @Test
    void complaintWithoutIdentityIsRejected() {
        Map<String, Object> body = Submissions.webComplaint();
        body.remove("person");
        submit(body).statusCode(400).body("violations.field", hasItem("person"));
    }

    @Test
    void anonymousReportNeedsNoPerson() {
        Map<String, Object> body = Submissions.webComplaint();
        body.put("kind", "REPORT");
        body.put("anonymous", true);
        body.remove("person");
        body.remove("remedy");
        submit(body).statusCode(201);
    }

    @Test
    void malformedJsonAndUnknownEnumValuesAreClientErrors() {
        given().contentType(ContentType.JSON)
                .body("{\"kind\": ")
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        Map<String, Object> body = Submissions.webComplaint();
        body.put("channel", "CARRIER_PIGEON");
        submit(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("channel"));
    }

    @Test
    void hotlineChannelNeedsALogin() {
        Map<String, Object> body = Submissions.webComplaint();
        body.put("channel", "HOTLINE_12365");
        submit(body).statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorRegistersAHotlineCall() {
        Map<String, Object> body = Submissions.webComplaint();
        body.put("channel", "HOTLINE_12365");
        submit(body).statusCode(201);
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    void aDepartmentCannotRegisterHotlineCalls() {
        Map<String, Object> body = Submissions.webComplaint();
        body.put("channel", "HOTLINE_12315");
        submit(body).statusCode(403).contentType(startsWith("application/problem+json"));
    }

    /**
     * Calls registered at the same moment are committed together (GroupCommit): each still gets its own record, its
     * first timeline entry and its event, under its own tracking number.
     */
    @Test
    void simultaneousCallsEachGetTheirRecordTimelineAndEvent() throws Exception {
        String operator = Tokens.of("operator1");
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Map<String, Object> body = Submissions.uniqueWebComplaint();
            body.put("channel", "HOTLINE_12315");
            calls.add(() -> given().auth()
                    .oauth2(operator)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("trackingNumber"));
        }
        ExecutorService callers = Executors.newFixedThreadPool(calls.size());
        List<String> numbers = new ArrayList<>();
        try {
            for (Future<String> call : callers.invokeAll(calls)) {
                numbers.add(call.get());
            }
        } finally {
            callers.shutdown();
        }

        assertEquals(calls.size(), Set.copyOf(numbers).size(), "a tracking number each");
        List<Row> stored = Db.rows(pool, """
                select c.tracking_number,
                       (select count(*) from status_timeline_entry t where t.complaint_id = c.id) as entries,
                       (select count(*) from outbox_event o
                        where o.aggregate_id = c.id and o.subject = c.tracking_number
                          and o.payload::jsonb ->> 'trackingNumber' = c.tracking_number) as events
                from complaint c where c.tracking_number = any($1)""", (Object) numbers.toArray(String[]::new));
        assertEquals(calls.size(), stored.size());
        for (Row row : stored) {
            assertEquals(1L, row.getLong("entries"), row.getString("tracking_number") + " has its timeline entry");
            assertEquals(1L, row.getLong("events"), row.getString("tracking_number") + " has its event");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CaseServiceEvents.header(record, name);
    }

    private static io.restassured.response.ValidatableResponse submit(Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/complaints")
                .then();
    }
}
