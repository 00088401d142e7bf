package cn.jxquality.complaint.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactResourceTest {

    static final String NOTIFY = "service-account-notify-service";

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = NOTIFY, roles = "contact-reader")
    void aServiceAccountReadsTheContactAndIsAudited() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        UUID id = submit(body);
        given().get("/internal/v1/complaints/" + id + "/contact")
                .then()
                .statusCode(200)
                .body("complaintId", equalTo(id.toString()))
                .body("name", equalTo("张三"))
                .body("mobile", equalTo(Submissions.personOf(body).get("mobile")))
                .body("email", equalTo("zhangsan@example.org"))
                .body("language", equalTo("zh-CN"))
                .body("anonymous", equalTo(false));
        Row audit = Db.row(pool, "select * from identity_access_audit where complaint_id = $1", id);
        assertEquals(NOTIFY, audit.getString("actor"));
        assertEquals("CONTACT", audit.getString("purpose"));
    }

    @Test
    @TestSecurity(user = NOTIFY, roles = "contact-reader")
    void aLookupAnswersTheKnownContactsOfManyComplaintsEachAudited() {
        Map<String, Object> first = Submissions.uniqueWebComplaint();
        UUID firstId = submit(first);
        UUID anonymousId = submit(Submissions.anonymousReport());
        UUID unknown = UUID.randomUUID();

        given().contentType(ContentType.JSON)
                .body(Map.of("complaintIds", List.of(firstId, anonymousId, unknown, firstId)))
                .post("/internal/v1/complaints/contact-lookups")
                .then()
                .statusCode(200)
                .body("contacts.size()", equalTo(2))
                .body(
                        "contacts.find { it.complaintId == '%s' }.mobile".formatted(firstId),
                        equalTo(Submissions.personOf(first).get("mobile")))
                .body("contacts.find { it.complaintId == '%s' }.name".formatted(firstId), equalTo("张三"))
                .body("contacts.find { it.complaintId == '%s' }.anonymous".formatted(anonymousId), equalTo(true))
                .body("contacts.find { it.complaintId == '%s' }.mobile".formatted(anonymousId), nullValue());
        assertEquals(1, audits(firstId), "one audit row per contact handed out, however often its id was asked");
        assertEquals(0, audits(anonymousId));
    }

    @Test
    @TestSecurity(user = NOTIFY, roles = "contact-reader")
    void aLookupWithoutIdsWithTooManyOrMalformedOnesIs400NamingTheField() {
        List<UUID> tooMany = Stream.generate(UUID::randomUUID)
                .limit(ContactLookup.MAX_IDS + 1)
                .toList();
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        for (Object body : new Object[] {
            Map.of(), Map.of("complaintIds", List.of()), Map.of("complaintIds", tooMany),
            Map.of("complaintIds", List.of("not-a-uuid")), Map.of("complaintIds", "x"), Map.of("complaintIds", withNull)
        }) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/internal/v1/complaints/contact-lookups")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem(startsWith("complaintIds")));
        }
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void aLookupByAnyoneButAServiceAccountIs403AndAuditsNothing() {
        UUID id = submit(Submissions.uniqueWebComplaint());
        given().contentType(ContentType.JSON)
                .body(Map.of("complaintIds", List.of(id)))
                .post("/internal/v1/complaints/contact-lookups")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertEquals(0, audits(id));
    }

    @Test
    @TestSecurity(user = NOTIFY, roles = "contact-reader")
    void anAnonymousReportHasNoContact() {
        UUID id = submit(Submissions.anonymousReport());
        given().get("/internal/v1/complaints/" + id + "/contact")
                .then()
                .statusCode(200)
                .body("mobile", nullValue())
                .body("anonymous", equalTo(true));
        assertEquals(0, audits(id), "no personal data handed out, so nothing to audit");
    }

    @Test
    @TestSecurity(user = NOTIFY, roles = "contact-reader")
    void eachReadThatHandsOutPersonalDataLeavesItsOwnAuditRow() {
        UUID id = submit(Submissions.uniqueWebComplaint());
        Instant before = Instant.now().minusSeconds(1);
        for (int read = 0; read < 2; read++) {
            given().get("/internal/v1/complaints/" + id + "/contact")
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("张三"));
        }
        List<Row> audits = Db.rows(pool, "select * from identity_access_audit where complaint_id = $1", id);
        assertEquals(2, audits.size());
        for (Row audit : audits) {
            assertEquals(NOTIFY, audit.getString("actor"));
            assertEquals("CONTACT", audit.getString("purpose"));
            assertNull(audit.getString("reason"));
            assertNull(audit.getString("on_behalf_of"));
            assertTrue(audit.getOffsetDateTime("accessed_at").toInstant().isAfter(before));
        }
    }

    @Test
    @TestSecurity(user = NOTIFY, roles = "contact-reader")
    void unknownOrMalformedIdsAre404() {
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            given().get("/internal/v1/complaints/" + id + "/contact")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    @TestSecurity(user = NOTIFY, roles = "contact-reader")
    void theContactCarriesTheLanguageTheCitizenChose() {
        Map<String, Object> english = Submissions.uniqueWebComplaint();
        english.put("language", "en");
        given().get("/internal/v1/complaints/" + submit(english) + "/contact")
                .then()
                .statusCode(200)
                .body("language", equalTo("en"));
        Map<String, Object> chinese = Submissions.uniqueWebComplaint();
        chinese.put("language", "zh-CN");
        given().get("/internal/v1/complaints/" + submit(chinese) + "/contact")
                .then()
                .statusCode(200)
                .body("language", equalTo("zh-CN"));
    }

    @Test
    void aLanguageOtherThanChineseOrEnglishIs400NamingIt() {
        for (Object language : new Object[] {"fr", "EN", "zh", "", 7}) {
            Map<String, Object> body = Submissions.uniqueWebComplaint();
            body.put("language", language);
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("language"));
        }
    }

    @Test
    void anonymousIs401() {
        given().get("/internal/v1/complaints/" + UUID.randomUUID() + "/contact")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorIs403() {
        expectForbidden();
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorIs403() {
        expectForbidden();
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    void departmentIs403() {
        expectForbidden();
    }

    private void expectForbidden() {
        UUID id = submit(Submissions.uniqueWebComplaint());
        given().get("/internal/v1/complaints/" + id + "/contact")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertEquals(0, audits(id));
    }

    private long audits(UUID id) {
        return Db.row(pool, "select count(*) as n from identity_access_audit where complaint_id = $1", id)
                .getLong("n");
    }

    private UUID submit(Map<String, Object> body) {
        String trackingNumber = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
        return Db.row(pool, "select id from complaint where tracking_number = $1", trackingNumber)
                .getUUID("id");
    }
}
