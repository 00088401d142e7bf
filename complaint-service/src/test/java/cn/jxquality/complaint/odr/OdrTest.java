package cn.jxquality.complaint.odr;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.EventSchemas;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ODR, enterprise first (issue 20, part 1): a complaint about a registered enterprise goes to it instead of a
 * department; the enterprise sees only its own, with the contact the citizen shared; a settlement waits for the
 * citizen; no settlement, a lapse or a dispute hands the complaint to the department with the ODR summary.
 */
@QuarkusTest
class OdrTest {

    static final String ENTERPRISE = Submissions.ODR_ENTERPRISE;
    /** Another registered enterprise, whose complaints ent-demo must not see. */
    static final String OTHER_ENTERPRISE = "91360100MA350DR017";

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    OdrScan scan;

    @Test
    void theRegisterIsPublicAndIntakeRefusesWhatOdrCannotTake() {
        given().get("/api/v1/odr/enterprises")
                .then()
                .statusCode(200)
                .body("creditCode", hasItem(ENTERPRISE))
                .body("[0].email", nullValue());

        Map<String, Object> unregistered = Submissions.odrComplaint("91360400MA350DR040");
        submit(unregistered).statusCode(400).body("violations[0].field", equalTo("odr.enterpriseFirst"));

        Map<String, Object> report = Submissions.odrComplaint(ENTERPRISE);
        report.put("kind", "REPORT");
        report.remove("remedy");
        submit(report).statusCode(400).body("violations.field", hasItem("odr.enterpriseFirst"));

        Map<String, Object> noCode = Submissions.odrComplaint(ENTERPRISE);
        Submissions.subjectOf(noCode).remove("creditCode");
        submit(noCode).statusCode(400).body("violations[0].field", equalTo("subject.creditCode"));
    }

    @Test
    void aComplaintSentFirstGoesToTheEnterpriseNotToADepartment() throws Exception {
        Instant before = Instant.now();
        Map<String, String> receipt = receipt(Submissions.odrComplaint(ENTERPRISE));
        UUID id = idOf(receipt.get("trackingNumber"));

        assertEquals(List.of("complaint.sent-to-enterprise.v1"), eventTypes(id));
        JsonNode sent = event(id, "complaint.sent-to-enterprise.v1");
        EventSchemas.assertValid("complaint.sent-to-enterprise.v1", sent);
        assertEquals(ENTERPRISE, sent.path("enterprise").path("creditCode").asText());
        assertEquals(
                "odr@dianqi.example.org", sent.path("enterprise").path("email").asText());

        // ten working days on the seeds' calendar, ending at midnight in Beijing
        Instant due = Instant.parse(sent.path("dueAt").asText());
        LocalDate sentDay = before.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertTrue(
                due.isAfter(sentDay.plusDays(13)
                        .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                        .toInstant()),
                due::toString);
        assertTrue(due.isBefore(before.plus(Duration.ofDays(30))), due::toString);

        lookup(receipt)
                .body("status", equalTo("RECEIVED"))
                .body("timeline.note", hasItem(containsString("前答复")))
                .body("departmentCode", nullValue());
    }

    @Test
    void theEnterpriseSeesItsOwnComplaintsOnlyAndTheSharedContactOnceConfirmed() {
        Map<String, String> mine = receipt(Submissions.odrComplaint(ENTERPRISE));
        Map<String, String> theirs = receipt(Submissions.odrComplaint(OTHER_ENTERPRISE));
        String token = Tokens.of("ent-demo");

        given().auth()
                .oauth2(token)
                .get("/api/v1/enterprise/complaints")
                .then()
                .statusCode(200)
                .body("items.trackingNumber", hasItem(mine.get("trackingNumber")))
                .body("items.trackingNumber", not(hasItem(theirs.get("trackingNumber"))))
                .body("items[0].contact", nullValue());
        enterprise(token, theirs.get("trackingNumber")).statusCode(404);

        // the web mobile is not confirmed yet: the enterprise gets the name only
        enterprise(token, mine.get("trackingNumber"))
                .statusCode(200)
                .body("state", equalTo("WITH_ENTERPRISE"))
                .body("description", containsString("漏电"))
                .body("contact.name", equalTo("张三"))
                .body("contact.mobile", nullValue())
                .body("idNumber", nullValue())
                .body("contact.address", nullValue());
        Row read = Db.row(
                pool,
                "select count(*) as n from identity_access_audit where complaint_id = $1 and actor = 'ent-demo'",
                idOf(mine.get("trackingNumber")));
        assertEquals(1L, read.getLong("n"), "each read of the shared contact is audited, once");

        // recording the outcome answers without the contact, and is no read of it
        respond(token, mine.get("trackingNumber"), Map.of("outcome", "SETTLED", "agreement", "换新"))
                .statusCode(200)
                .body("state", equalTo("SETTLED"))
                .body("contact", nullValue());
        Row after = Db.row(
                pool,
                "select count(*) as n from identity_access_audit where complaint_id = $1 and actor = 'ent-demo'",
                idOf(mine.get("trackingNumber")));
        assertEquals(1L, after.getLong("n"), "the outcome's answer read no contact");

        given().auth()
                .oauth2(token)
                .queryParam("state", "SETTLE")
                .get("/api/v1/enterprise/complaints")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("state"));
        given().auth()
                .oauth2(token)
                .queryParam("limit", "x")
                .get("/api/v1/enterprise/complaints")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    void aSettlementTheCitizenConfirmsClosesTheComplaintWithoutACase() throws Exception {
        Map<String, String> receipt = receipt(Submissions.odrComplaint(ENTERPRISE));
        String number = receipt.get("trackingNumber");
        UUID id = idOf(number);
        String token = Tokens.of("ent-demo");

        respond(token, number, Map.of("outcome", "SETTLED"))
                .statusCode(400)
                .body("violations[0].field", equalTo("agreement"));
        respond(token, number, Map.of("outcome", "SETTLED", "agreement", "退货退款 2599 元"))
                .statusCode(200)
                .body("state", equalTo("SETTLED"))
                .body("response.settled", equalTo(true))
                .body("response.answerBy", notNullValue());
        respond(token, number, Map.of("outcome", "NOT_SETTLED", "reason", "changed our mind"))
                .statusCode(409);

        JsonNode responded = event(id, "complaint.enterprise-responded.v1");
        EventSchemas.assertValid("complaint.enterprise-responded.v1", responded);
        assertTrue(responded.path("settled").asBoolean());
        assertTrue(responded.path("onTime").asBoolean());
        lookup(receipt).body("status", equalTo("IN_PROGRESS"));

        answer(number, "WRONGCODE", true).statusCode(404);
        answer(number, receipt.get("queryCode"), true).statusCode(204);
        answer(number, receipt.get("queryCode"), false).statusCode(409);

        JsonNode answered = event(id, "complaint.settlement-answered.v1");
        EventSchemas.assertValid("complaint.settlement-answered.v1", answered);
        assertTrue(answered.path("accepted").asBoolean());
        assertTrue(answered.path("byCitizen").asBoolean());
        lookup(receipt).body("status", equalTo("CLOSED"));
        assertEquals(
                List.of(
                        "complaint.sent-to-enterprise.v1",
                        "complaint.enterprise-responded.v1",
                        "complaint.settlement-answered.v1"),
                eventTypes(id),
                "no case: complaint.received.v1 never left");
    }

    @Test
    void noSettlementOrADisputeSendsTheComplaintToTheDepartmentWithTheOdrSummary() throws Exception {
        String token = Tokens.of("ent-demo");
        Map<String, String> refused = receipt(Submissions.odrComplaint(ENTERPRISE));
        respond(token, refused.get("trackingNumber"), Map.of("outcome", "NOT_SETTLED", "reason", "超出退货期"))
                .statusCode(200)
                .body("state", equalTo("NOT_SETTLED"))
                .body("response.reason", equalTo("超出退货期"));
        JsonNode received = event(idOf(refused.get("trackingNumber")), "complaint.received.v1");
        EventSchemas.assertValid("complaint.received.v1", received);
        assertEquals("NOT_SETTLED", received.path("odr").path("ending").asText());
        assertEquals(
                ENTERPRISE, received.path("odr").path("enterpriseCreditCode").asText());
        assertEquals(
                refused.get("trackingNumber"), received.path("trackingNumber").asText());
        lookup(refused).body("timeline.note", hasItem(containsString("未能与您和解")));

        Map<String, String> disputed = receipt(Submissions.odrComplaint(ENTERPRISE));
        respond(token, disputed.get("trackingNumber"), Map.of("outcome", "SETTLED", "agreement", "换货"))
                .statusCode(200);
        answer(disputed.get("trackingNumber"), disputed.get("queryCode"), false).statusCode(204);
        JsonNode afterDispute = event(idOf(disputed.get("trackingNumber")), "complaint.received.v1");
        EventSchemas.assertValid("complaint.received.v1", afterDispute);
        assertEquals("DISPUTED", afterDispute.path("odr").path("ending").asText());
        assertTrue(afterDispute.path("odr").hasNonNull("respondedAt"));
    }

    @Test
    void timeEndsWhatNobodyAnswered() throws Throwable {
        String token = Tokens.of("ent-demo");
        Map<String, String> ignored = receipt(Submissions.odrComplaint(ENTERPRISE));
        Map<String, String> settled = receipt(Submissions.odrComplaint(ENTERPRISE));
        respond(token, settled.get("trackingNumber"), Map.of("outcome", "SETTLED", "agreement", "退款"))
                .statusCode(200);

        scan(Instant.now());
        assertEquals(1, eventTypes(idOf(ignored.get("trackingNumber"))).size(), "not due yet: nothing moves");

        // a month on, by the test clock: both limits have passed
        scan(Instant.now().plus(Duration.ofDays(31)));
        JsonNode lapsed = event(idOf(ignored.get("trackingNumber")), "complaint.received.v1");
        EventSchemas.assertValid("complaint.received.v1", lapsed);
        assertEquals("LAPSED", lapsed.path("odr").path("ending").asText());
        assertTrue(lapsed.path("odr").path("respondedAt").isNull());
        lookup(ignored).body("timeline.note", hasItem(containsString("未在 10 个工作日内答复")));
        respond(token, ignored.get("trackingNumber"), Map.of("outcome", "SETTLED", "agreement", "late"))
                .statusCode(409);

        JsonNode stood = event(idOf(settled.get("trackingNumber")), "complaint.settlement-answered.v1");
        assertTrue(stood.path("accepted").asBoolean());
        assertTrue(!stood.path("byCitizen").asBoolean());
        lookup(settled).body("status", equalTo("CLOSED"));

        // a second scan finds nothing more to do for these two
        scan(Instant.now().plus(Duration.ofDays(31)));
        assertEquals(2, eventTypes(idOf(ignored.get("trackingNumber"))).size());
    }

    /** The scan at {@code now} (the test clock), on a Vert.x context as the scheduler runs it. */
    private void scan(Instant now) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> scan.scan(now));
    }

    private static ValidatableResponse submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(body)
                .post("/api/v1/complaints")
                .then();
    }

    private static Map<String, String> receipt(Map<String, Object> body) {
        return submit(body).statusCode(201).extract().as(Map.class);
    }

    private static ValidatableResponse lookup(Map<String, String> receipt) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("trackingNumber", receipt.get("trackingNumber"), "queryCode", receipt.get("queryCode")))
                .post("/api/v1/status-lookups")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse enterprise(String token, String number) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/enterprise/complaints/" + number)
                .then();
    }

    private static ValidatableResponse respond(String token, String number, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/enterprise/complaints/" + number + "/response")
                .then();
    }

    private static ValidatableResponse answer(String number, String queryCode, boolean accept) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Map.of("queryCode", queryCode, "accept", accept))
                .post("/api/v1/complaints/" + number + "/settlement-answer")
                .then();
    }

    private UUID idOf(String number) {
        return Db.row(pool, "select id from complaint where tracking_number = $1", number)
                .getUUID("id");
    }

    private List<String> eventTypes(UUID id) {
        return Db.rows(pool, "select type from outbox_event where aggregate_id = $1 order by created_at, type", id)
                .stream()
                .map(r -> r.getString("type"))
                .toList();
    }

    private JsonNode event(UUID id, String type) throws Exception {
        Row row = Db.row(pool, "select payload from outbox_event where aggregate_id = $1 and type = $2", id, type);
        return JSON.readTree(row.getString("payload"));
    }
}
