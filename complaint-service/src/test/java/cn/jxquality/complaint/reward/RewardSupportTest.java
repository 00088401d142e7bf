package cn.jxquality.complaint.reward;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import cn.jxquality.complaint.personal.ActingOfficer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The internal endpoints case-service calls for rewards, with real service-account and staff tokens. */
@QuarkusTest
class RewardSupportTest {

    @Inject
    Pool pool;

    @Test
    void theRightCredentialsNameTheRecordAndAreAudited() {
        Receipt r = submit(Submissions.uniqueWebComplaint());
        asCaseService()
                .body(Map.of("trackingNumber", r.trackingNumber(), "queryCode", r.queryCode()))
                .post("/internal/v1/credential-checks")
                .then()
                .statusCode(200)
                .body("complaintId", equalTo(r.id().toString()))
                .body("trackingNumber", equalTo(r.trackingNumber()))
                .body("kind", equalTo("COMPLAINT"))
                .body("anonymous", equalTo(false));
        Row audit = Db.row(pool, "select * from identity_access_audit where complaint_id = $1", r.id());
        assertEquals(Tokens.principalOf(Tokens.CASE_SERVICE), audit.getString("actor"));
        assertEquals("CREDENTIAL_CHECK", audit.getString("purpose"));
    }

    @Test
    void aWrongCodeAndAnUnknownNumberAreTheSame404() {
        Receipt r = submit(Submissions.uniqueWebComplaint());
        String wrongCode = r.queryCode().equals("ABCDEFGHJKMN") ? "ABCDEFGHJKMP" : "ABCDEFGHJKMN";
        for (Map<String, String> body : List.of(
                Map.of("trackingNumber", r.trackingNumber(), "queryCode", wrongCode),
                Map.of("trackingNumber", Submissions.unknownTrackingNumber(), "queryCode", r.queryCode()))) {
            asCaseService()
                    .body(body)
                    .post("/internal/v1/credential-checks")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("No complaint matches this tracking number and query code."));
        }
        assertEquals(0, auditRows(r.id()));
    }

    /**
     * Wrong credentials relayed by case-service count against the number once, as one client: case-service throttles
     * each claimant itself (RewardClaimTest). So strangers' failed claims never shut the citizen's own complaint
     * (issue 17 item 4: ten of them shut its status look-up before), and ten different clients failing on the number
     * at the public page still shut the check.
     */
    @Test
    void failedClaimsNeverShutTheCitizensOwnComplaint() {
        Receipt r = submit(Submissions.uniqueWebComplaint());
        for (int i = 0; i < 12; i++) {
            asCaseService()
                    .body(Map.of("trackingNumber", r.trackingNumber(), "queryCode", "WRONGCODE" + i))
                    .post("/internal/v1/credential-checks")
                    .then()
                    .statusCode(404);
        }
        asCaseService()
                .body(Map.of("trackingNumber", r.trackingNumber(), "queryCode", r.queryCode()))
                .post("/internal/v1/credential-checks")
                .then()
                .statusCode(200);
        lookup(r, r.queryCode()).statusCode(200);

        for (int i = 0; i < 9; i++) { // with the claims' one count, ten clients
            lookup(r, "WRONGCODE234").statusCode(404);
        }
        asCaseService()
                .body(Map.of("trackingNumber", r.trackingNumber(), "queryCode", r.queryCode()))
                .post("/internal/v1/credential-checks")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
    }

    private static ValidatableResponse lookup(Receipt r, String queryCode) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Map.of("trackingNumber", r.trackingNumber(), "queryCode", queryCode))
                .post("/api/v1/status-lookups")
                .then();
    }

    @Test
    void aMalformedCredentialCheckIs400NamingTheField() {
        asCaseService()
                .body(Map.of("trackingNumber", "JX20261126000001"))
                .post("/internal/v1/credential-checks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("queryCode"));
        asCaseService()
                .body("{\"trackingNumber\": 12")
                .post("/internal/v1/credential-checks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void nameAndIdNumberMustBothMatchTheSealedPerson() {
        Receipt r = submit(Submissions.uniqueWebComplaint());
        String idNumber = r.person().get("idNumber").toString();
        assertMatch(r.id(), "张三", idNumber.toLowerCase(), true);
        assertMatch(r.id(), " 张三 ", idNumber, true);
        assertMatch(r.id(), "李四", idNumber, false);
        assertMatch(r.id(), "张三", idNumber.substring(0, idNumber.length() - 1) + "0", idNumber.endsWith("0"));
        List<Row> audit =
                Db.rows(pool, "select * from identity_access_audit where complaint_id = $1 order by id", r.id());
        assertEquals(4, audit.size());
        assertEquals("IDENTITY_CHECK", audit.get(0).getString("purpose"));
        assertEquals("match", audit.get(0).getString("reason"));
        assertEquals("no match", audit.get(2).getString("reason"));
        assertEquals(Tokens.principalOf(Tokens.CASE_SERVICE), audit.get(2).getString("actor"));
    }

    @Test
    void anAnonymousReportWithoutAPersonMatchesNobody() {
        Receipt r = submit(Submissions.anonymousReport());
        assertMatch(r.id(), "张三", "36010219900101123X", false);
    }

    @Test
    void anUnknownComplaintIs404AndABadIdentityCheckIs400() {
        asCaseService()
                .body(Map.of(
                        "complaintId", UUID.randomUUID().toString(),
                        "name", "张三",
                        "idType", "RESIDENT_ID_CARD",
                        "idNumber", "36010219900101123X"))
                .post("/internal/v1/identity-checks")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asCaseService()
                .body(Map.of(
                        "complaintId", "not-a-uuid",
                        "name", "张三",
                        "idType", "RESIDENT_ID_CARD",
                        "idNumber", "36010219900101123X"))
                .post("/internal/v1/identity-checks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("complaintId"));
        asCaseService()
                .body(Map.of("complaintId", UUID.randomUUID().toString(), "name", "张三", "idType", "NO_SUCH_TYPE"))
                .post("/internal/v1/identity-checks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theIdentityViewNamesTheServiceAccountAndTheOfficerOfTheToken() {
        Receipt r = submit(Submissions.uniqueWebComplaint());
        asCaseService()
                .header(ActingOfficer.HEADER, Tokens.of("reviewer1"))
                .queryParam("viewer", "approver1") // a name the service sends is not believed
                .get("/internal/v1/complaints/" + r.id() + "/identity")
                .then()
                .statusCode(200)
                .body("anonymous", equalTo(false))
                .body("name", equalTo("张三"))
                .body("mobile", equalTo(r.person().get("mobile")))
                .body("idType", equalTo("RESIDENT_ID_CARD"))
                .body("idNumber", equalTo(r.person().get("idNumber")))
                .body("email", equalTo("zhangsan@example.org"))
                .body("address", nullValue());
        Row audit = Db.row(pool, "select * from identity_access_audit where complaint_id = $1", r.id());
        assertEquals(Tokens.principalOf(Tokens.CASE_SERVICE), audit.getString("actor"));
        assertEquals("reviewer1", audit.getString("on_behalf_of"));
        assertEquals("REWARD_VIEW", audit.getString("purpose"));
    }

    @Test
    void theIdentityViewOfAnAnonymousReportIsEmptyButAudited() {
        Receipt r = submit(Submissions.anonymousReport());
        asCaseService()
                .header(ActingOfficer.HEADER, Tokens.of("approver1"))
                .get("/internal/v1/complaints/" + r.id() + "/identity")
                .then()
                .statusCode(200)
                .body("anonymous", equalTo(true))
                .body("name", nullValue())
                .body("idNumber", nullValue());
        assertEquals(1, auditRows(r.id()));
    }

    @Test
    void theIdentityViewNeedsARewardOfficersOwnValidTokenAndAKnownComplaint() {
        Receipt r = submit(Submissions.uniqueWebComplaint());
        asCaseService()
                .get("/internal/v1/complaints/" + r.id() + "/identity")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString(ActingOfficer.HEADER));
        for (String notAnOfficer : new String[] {
            "not-a-token",
            Tokens.of("operator1"),
            Tokens.of("auditor1"),
            Tokens.of(Tokens.CASE_SERVICE),
            tampered(Tokens.of("reviewer1"))
        }) {
            asCaseService()
                    .header(ActingOfficer.HEADER, notAnOfficer)
                    .get("/internal/v1/complaints/" + r.id() + "/identity")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body(containsString(ActingOfficer.HEADER));
        }
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            asCaseService()
                    .header(ActingOfficer.HEADER, Tokens.of("reviewer1"))
                    .get("/internal/v1/complaints/" + id + "/identity")
                    .then()
                    .statusCode(404);
        }
        assertEquals(0, auditRows(r.id()));
    }

    @Test
    void eachServiceAccountReachesOnlyItsOwnCallsAndNothingIsReadOtherwise() {
        Receipt r = submit(Submissions.uniqueWebComplaint());
        for (String user : Tokens.STAFF) {
            for (ValidatableResponse response : callAll(() -> given().auth().oauth2(Tokens.of(user)), r)) {
                response.statusCode(403).contentType("application/problem+json");
            }
        }
        for (ValidatableResponse response : callAll(RestAssured::given, r)) {
            response.statusCode(401).contentType("application/problem+json");
        }
        // notify-service's account reads contacts at send time, never a reporter's identity or a claim's credentials
        for (ValidatableResponse response : callAll(() -> given().auth().oauth2(Tokens.of(Tokens.NOTIFY_SERVICE)), r)) {
            response.statusCode(403).contentType("application/problem+json");
        }
        assertEquals(0, auditRows(r.id()));
        for (ValidatableResponse response : callAll(RewardSupportTest::asCaseService, r)) {
            response.statusCode(200);
        }
    }

    /** The token with its signature's last characters changed. */
    private static String tampered(String token) {
        return token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    }

    private List<ValidatableResponse> callAll(Supplier<RequestSpecification> as, Receipt r) {
        String idNumber = r.person().get("idNumber").toString();
        return List.of(
                as.get()
                        .contentType(ContentType.JSON)
                        .body(Map.of("trackingNumber", r.trackingNumber(), "queryCode", r.queryCode()))
                        .post("/internal/v1/credential-checks")
                        .then(),
                as.get()
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "complaintId",
                                r.id().toString(),
                                "name",
                                "张三",
                                "idType",
                                "RESIDENT_ID_CARD",
                                "idNumber",
                                idNumber))
                        .post("/internal/v1/identity-checks")
                        .then(),
                as.get()
                        .header(ActingOfficer.HEADER, Tokens.of("reviewer1"))
                        .get("/internal/v1/complaints/" + r.id() + "/identity")
                        .then());
    }

    private void assertMatch(UUID complaintId, String name, String idNumber, boolean expected) {
        asCaseService()
                .body(Map.of(
                        "complaintId",
                        complaintId.toString(),
                        "name",
                        name,
                        "idType",
                        "RESIDENT_ID_CARD",
                        "idNumber",
                        idNumber))
                .post("/internal/v1/identity-checks")
                .then()
                .statusCode(200)
                .body("match", equalTo(expected));
    }

    private static RequestSpecification asCaseService() {
        return given().auth().oauth2(Tokens.of(Tokens.CASE_SERVICE)).contentType(ContentType.JSON);
    }

    private long auditRows(UUID complaintId) {
        return Db.row(pool, "select count(*) as n from identity_access_audit where complaint_id = $1", complaintId)
                .getLong("n");
    }

    private Receipt submit(Map<String, Object> body) {
        Map<String, Object> receipt = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        String trackingNumber = receipt.get("trackingNumber").toString();
        UUID id = Db.row(pool, "select id from complaint where tracking_number = $1", trackingNumber)
                .getUUID("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> person =
                body.get("person") == null ? Map.of() : new HashMap<>((Map<String, Object>) body.get("person"));
        return new Receipt(id, trackingNumber, receipt.get("queryCode").toString(), person);
    }

    record Receipt(UUID id, String trackingNumber, String queryCode, Map<String, Object> person) {}
}
