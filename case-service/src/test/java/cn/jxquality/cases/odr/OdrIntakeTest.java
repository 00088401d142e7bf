package cn.jxquality.cases.odr;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.cases.ComplaintEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A complaint that went to a registered ODR enterprise first opens its case when that ended without a settlement
 * (complaint.received.v1 with odr): the case keeps its original receipt, counts its own deadlines from the end of the
 * enterprise's turn, and its audit trail says what happened there. Redeliveries change nothing.
 */
@QuarkusTest
class OdrIntakeTest {

    /** A Monday in November 2026 (no holiday near): the complaint's receipt and its sending to the enterprise. */
    static final Instant RECEIVED = Instant.parse("2026-11-02T02:00:00Z");
    /** The end of the enterprise's 10 working days: Monday 16 November, 23:59:59 Beijing. */
    static final Instant DUE = Instant.parse("2026-11-16T15:59:59Z");
    /** The turn lapsed on Tuesday 17 November, 10:00 Beijing. */
    static final Instant ENDED = Instant.parse("2026-11-17T02:00:00Z");

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    private final List<UUID> opened = new ArrayList<>();

    /** The cases' clocks stop, so no later scan of the shared database escalates these long-past deadlines. */
    @AfterEach
    void stopClocks() {
        pool.preparedQuery("update deadline_clock set stopped_at = now() where case_id = any($1)")
                .execute(Tuple.of(opened.toArray(UUID[]::new)))
                .await()
                .indefinitely();
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theCasesDeadlinesStartWhenTheOdrTurnEndedAndItsAuditTrailTellsTheHistory() {
        String code = ComplaintEvents.creditCode();
        String number = ComplaintEvents.trackingNumber();
        UUID complaintId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String odr = ComplaintEvents.odr(code, "南昌某某电器有限公司", RECEIVED, DUE, null, ENDED, "LAPSED");
        ProducerRecord<String, String> received = ComplaintEvents.receivedAfterOdr(
                prefix + "complaint-events", eventId, complaintId, number, "360102", RECEIVED, code, odr);
        send(received, received, received);

        JsonPath view = awaitCase(number);
        UUID caseId = UUID.fromString(view.getString("id"));
        opened.add(caseId);
        assertEquals(RECEIVED.toString(), view.getString("receivedAt"), "the case keeps its original receipt");
        // 7 working days after Tuesday 17 November: 18, 19, 20, 23, 24, 25, 26 November (from the receipt it would
        // have been 11 November)
        assertEquals("2026-11-26T15:59:59Z", view.getString("deadlines.acceptBy"));
        Row clock = row(
                "select started_at, counted_from, extract(epoch from warn_at - started_at)"
                        + " / extract(epoch from due_at - started_at) as share"
                        + " from deadline_clock where case_id = $1 and name = 'acceptBy'",
                caseId);
        assertEquals(ENDED, clock.getOffsetDateTime("started_at").toInstant(), "the clock runs from the end");
        assertEquals(ENDED, clock.getOffsetDateTime("counted_from").toInstant());
        assertEquals(0.8, clock.getDouble("share"), 0.0001);

        given().get("/api/v1/cases/{id}/events", caseId)
                .then()
                .statusCode(200)
                .body("type", equalTo(List.of("case.created", "case.odr-history", "case.assigned")))
                .body("find { it.type == 'case.odr-history' }.visibility", equalTo("INTERNAL"))
                .body("find { it.type == 'case.odr-history' }.actor", equalTo("system"))
                .body("find { it.type == 'case.odr-history' }.note", containsString("南昌某某电器有限公司"))
                .body("find { it.type == 'case.odr-history' }.note", containsString(code))
                .body("find { it.type == 'case.odr-history' }.note", containsString("sent 2026-11-02 10:00"))
                .body("find { it.type == 'case.odr-history' }.note", containsString("due 2026-11-16 23:59"))
                .body("find { it.type == 'case.odr-history' }.note", containsString("no answer"))
                .body("find { it.type == 'case.odr-history' }.note", containsString("ended 2026-11-17 10:00: LAPSED"));
        assertEquals(1, count("select count(*) from case_file where complaint_id = $1", complaintId));
        Row referral =
                row("select ending, ended_at, case_received_at from odr_referral where complaint_id = $1", complaintId);
        assertEquals("LAPSED", referral.getString("ending"));
        assertEquals(ENDED, referral.getOffsetDateTime("ended_at").toInstant());
        assertEquals(RECEIVED, referral.getOffsetDateTime("case_received_at").toInstant());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSettlementDisputedAfterAnAnswerNamesTheAnswerAndARedeliveryChangesNothing() {
        String code = ComplaintEvents.creditCode();
        String number = ComplaintEvents.trackingNumber();
        UUID complaintId = UUID.randomUUID();
        Instant answered = Instant.parse("2026-11-10T01:30:00Z");
        String topic = prefix + "complaint-events";
        ProducerRecord<String, String> sent = ComplaintEvents.sentToEnterprise(
                topic, UUID.randomUUID().toString(), complaintId, number, code, "九江某某商贸有限公司", RECEIVED, DUE);
        ProducerRecord<String, String> responded = ComplaintEvents.enterpriseResponded(
                topic, UUID.randomUUID().toString(), complaintId, number, code, true, answered, DUE);
        ProducerRecord<String, String> disputed = ComplaintEvents.settlementAnswered(
                topic, UUID.randomUUID().toString(), complaintId, number, code, false, true, ENDED);
        String odr = ComplaintEvents.odr(code, "九江某某商贸有限公司", RECEIVED, DUE, answered, ENDED, "DISPUTED");
        ProducerRecord<String, String> received = ComplaintEvents.receivedAfterOdr(
                topic, UUID.randomUUID().toString(), complaintId, number, "360402", RECEIVED, code, odr);
        send(sent, responded, sent, disputed, received, responded, received);

        JsonPath view = awaitCase(number);
        opened.add(UUID.fromString(view.getString("id")));
        assertEquals("2026-11-26T15:59:59Z", view.getString("deadlines.acceptBy"));
        given().get("/api/v1/cases/{id}/events", view.getString("id"))
                .then()
                .body("findAll { it.type == 'case.odr-history' }", hasSize(1))
                .body("find { it.type == 'case.odr-history' }.note", containsString("answered 2026-11-10 09:30"))
                .body("find { it.type == 'case.odr-history' }.note", containsString("DISPUTED"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from odr_referral where complaint_id = $1 and ending = 'DISPUTED'"
                                        + " and settled and responded_on_time and not settlement_accepted"
                                        + " and case_received_at is not null",
                                complaintId)
                        == 1);
        assertEquals(
                4,
                count(
                        "select count(*) from processed_event where event_id in" + " (select unnest($1::varchar[]))",
                        (Object) new String[] {id(sent), id(responded), id(disputed), id(received) + ":odr"}));
    }

    /** A complaint that came straight to the regulator opens as before: no ODR entry, deadlines from its receipt. */
    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aComplaintWithoutOdrOpensAsBefore() {
        String number = ComplaintEvents.trackingNumber();
        UUID complaintId = UUID.randomUUID();
        String topic = prefix + "complaint-events";
        send(ComplaintEvents.receivedAfterOdr(
                topic,
                UUID.randomUUID().toString(),
                complaintId,
                number,
                "360102",
                RECEIVED,
                "91360100158304019E",
                "null"));
        JsonPath view = awaitCase(number);
        UUID caseId = UUID.fromString(view.getString("id"));
        opened.add(caseId);
        assertEquals("2026-11-11T15:59:59Z", view.getString("deadlines.acceptBy"));
        given().get("/api/v1/cases/{id}/events", caseId)
                .then()
                .body("type", equalTo(List.of("case.created", "case.assigned")));
        assertEquals(0, count("select count(*) from odr_referral where complaint_id = $1", complaintId));
        assertEquals(
                1,
                count(
                        "select count(*) from deadline_clock d join case_file c on c.id = d.case_id where c.id = $1"
                                + " and d.name = 'acceptBy' and d.counted_from = c.received_at"
                                + " and d.started_at = c.created_at",
                        caseId));
    }

    @SafeVarargs
    private void send(ProducerRecord<String, String>... records) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(List.of(records)).awaitCompletion();
        }
    }

    private JsonPath awaitCase(String trackingNumber) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("trackingNumber", trackingNumber)
                        .get("/api/v1/cases")
                        .then()
                        .body("items", hasSize(1)));
        String id = given().queryParam("trackingNumber", trackingNumber)
                .get("/api/v1/cases")
                .then()
                .extract()
                .path("items[0].id");
        return given().get("/api/v1/cases/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String id(ProducerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private Row row(String sql, Object... args) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(args))
                .await()
                .indefinitely()
                .iterator()
                .next();
    }

    private long count(String sql, Object... args) {
        return row(sql, args).getLong(0);
    }
}
