package cn.jxquality.complaint.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every console page and fragment with a real Keycloak token of each realm role, and without one: the role is checked
 * on the server for each of them, whatever the menu shows; a refusal is a page, not JSON.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class ConsoleRoleMatrixTest {

    static final String ANONYMOUS = "anonymous";
    static final List<String> CALLERS = List.of(
            "operator1",
            "supervisor1",
            "dept-nc-amr",
            "reviewer1",
            "approver1",
            "finance1",
            "auditor1",
            "admin1",
            "ent-demo",
            ANONYMOUS);
    static final List<String> OPERATORS = List.of("operator1");
    static final List<String> STAFF_READERS = List.of("operator1", "supervisor1");
    static final List<String> CASE_WORKERS = List.of("dept-nc-amr", "supervisor1");
    static final List<String> SUPERVISORS = List.of("supervisor1");
    static final List<String> REWARD_READERS = List.of("reviewer1", "approver1", "finance1", "supervisor1", "auditor1");
    static final List<String> REWARD_STAFF = List.of("reviewer1", "approver1", "finance1");
    static final List<String> DECIDERS = List.of("approver1", "finance1");
    static final List<String> EXPORTERS = List.of("supervisor1", "auditor1");
    /** A reward case-service (WireMock) shows, for a report's case it lists as waiting for a proposal. */
    static final UUID REWARD = UUID.randomUUID();

    static final UUID REPORT_CASE = UUID.randomUUID();
    /** The case case-service (WireMock) shows every caller allowed to see it. */
    static final UUID CASE = UUID.randomUUID();
    /** A failed notification notify-service (WireMock) re-sends. */
    static final UUID NOTIFICATION = UUID.randomUUID();
    /** A bulk re-send notify-service (WireMock) starts and shows. */
    static final UUID RESEND_BATCH = UUID.randomUUID();

    /** A console page: how to call it, who may, and what they get. */
    record Endpoint(String name, BiFunction<Browser, Fixture, Response> call, int allowed, List<String> callers) {

        int expectedFor(String caller) {
            if (ANONYMOUS.equals(caller)) {
                return 302;
            }
            return callers == null || callers.contains(caller) ? allowed : 403;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A complaint with one evidence file, made once for all pairs. */
    record Fixture(String trackingNumber, String evidenceId, String odrTrackingNumber) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /console", (b, f) -> b.get("/console"), 200, null),
            new Endpoint("GET /console/enterprise", (b, f) -> b.get("/console/enterprise"), 200, List.of("ent-demo")),
            new Endpoint(
                    "GET /console/enterprise/{n}",
                    (b, f) -> b.get("/console/enterprise/" + f.odrTrackingNumber()),
                    200,
                    List.of("ent-demo")),
            new Endpoint(
                    "POST /console/enterprise/{n} (nothing chosen)",
                    (b, f) -> b.submit("/console", "/console/enterprise/" + f.odrTrackingNumber(), Map.of()),
                    400,
                    List.of("ent-demo")),
            new Endpoint("GET /console/intake", (b, f) -> b.get("/console/intake"), 200, OPERATORS),
            new Endpoint(
                    "POST /console/intake",
                    (b, f) -> b.submitMultipart(
                            "/console", "/console/intake", Map.of("channel", "HOTLINE_12315"), Map.of()),
                    400,
                    OPERATORS),
            new Endpoint(
                    "GET /console/intake/caller",
                    (b, f) -> b.get("/console/intake/caller?mobile=13800138000"),
                    200,
                    OPERATORS),
            new Endpoint(
                    "GET /console/intake/receipt/{n}",
                    (b, f) -> b.get("/console/intake/receipt/" + f.trackingNumber()),
                    200,
                    OPERATORS),
            new Endpoint("GET /console/search", (b, f) -> b.get("/console/search?q=电热水器"), 200, STAFF_READERS),
            new Endpoint(
                    "GET /console/complaints/{n}",
                    (b, f) -> b.get("/console/complaints/" + f.trackingNumber()),
                    200,
                    STAFF_READERS),
            new Endpoint(
                    "POST /console/complaints/{n}/identity",
                    (b, f) -> b.submit(
                            "/console",
                            "/console/complaints/" + f.trackingNumber() + "/identity",
                            Map.of("reason", "role matrix")),
                    200,
                    STAFF_READERS),
            new Endpoint("GET /console/cases", (b, f) -> b.get("/console/cases?state=ASSIGNED"), 200, CASE_WORKERS),
            new Endpoint("GET /console/dashboard", (b, f) -> b.get("/console/dashboard"), 200, SUPERVISORS),
            new Endpoint("GET /console/queues/triage", (b, f) -> b.get("/console/queues/triage"), 200, SUPERVISORS),
            new Endpoint(
                    "POST /console/queues/triage/{id}",
                    (b, f) -> b.submit(
                            "/console",
                            "/console/queues/triage/" + CASE,
                            Map.of("version", "2", "departmentCode", "360100-AMR")),
                    303,
                    SUPERVISORS),
            new Endpoint(
                    "GET /console/queues/escalations",
                    (b, f) -> b.get("/console/queues/escalations"),
                    200,
                    SUPERVISORS),
            new Endpoint(
                    "GET /console/queues/notifications",
                    (b, f) -> b.get("/console/queues/notifications"),
                    200,
                    SUPERVISORS),
            new Endpoint(
                    "POST /console/queues/notifications/{id}/resend",
                    (b, f) ->
                            b.submit("/console", "/console/queues/notifications/" + NOTIFICATION + "/resend", Map.of()),
                    303,
                    SUPERVISORS),
            new Endpoint("GET /console/cases/{id}", (b, f) -> b.get("/console/cases/" + CASE), 200, CASE_WORKERS),
            new Endpoint(
                    "POST /console/cases/{id}/notes",
                    (b, f) -> b.submit(
                            "/console",
                            "/console/cases/" + CASE + "/notes",
                            Map.of("version", "2", "text", "role matrix", "visibility", "INTERNAL")),
                    303,
                    CASE_WORKERS),
            new Endpoint("GET /console/rewards", (b, f) -> b.get("/console/rewards"), 200, REWARD_READERS),
            new Endpoint(
                    "GET /console/rewards/candidates",
                    (b, f) -> b.get("/console/rewards/candidates"),
                    200,
                    REWARD_READERS),
            new Endpoint(
                    "GET /console/rewards/propose/{caseId}",
                    (b, f) -> b.get("/console/rewards/propose/" + REPORT_CASE),
                    200,
                    List.of("reviewer1")),
            new Endpoint(
                    "POST /console/rewards/propose/{caseId}",
                    (b, f) -> b.submit(
                            "/console",
                            "/console/rewards/propose/" + REPORT_CASE,
                            Map.of("level", "1", "naturalPerson", "true", "note", "role matrix")),
                    303,
                    List.of("reviewer1")),
            new Endpoint(
                    "GET /console/rewards/{id}", (b, f) -> b.get("/console/rewards/" + REWARD), 200, REWARD_READERS),
            new Endpoint(
                    "POST /console/rewards/{id}/approve",
                    (b, f) -> b.submit("/console", "/console/rewards/" + REWARD + "/approve", Map.of("version", "1")),
                    303,
                    DECIDERS),
            new Endpoint(
                    "POST /console/rewards/{id}/reject",
                    (b, f) -> b.submit(
                            "/console",
                            "/console/rewards/" + REWARD + "/reject",
                            Map.of("version", "1", "reason", "role matrix")),
                    303,
                    DECIDERS),
            new Endpoint(
                    "POST /console/rewards/{id}/payout",
                    (b, f) -> b.submit("/console", "/console/rewards/" + REWARD + "/payout", Map.of("version", "1")),
                    303,
                    List.of("finance1")),
            new Endpoint(
                    "POST /console/rewards/{id}/identity",
                    (b, f) -> b.submit("/console", "/console/rewards/" + REWARD + "/identity", Map.of()),
                    200,
                    REWARD_STAFF),
            new Endpoint("GET /console/audit", (b, f) -> b.get("/console/audit"), 200, List.of("auditor1")),
            new Endpoint(
                    "GET /console/audit?trackingNumber=",
                    (b, f) -> b.get("/console/audit?trackingNumber=" + f.trackingNumber()),
                    200,
                    List.of("auditor1")),
            new Endpoint(
                    "POST /console/queues/notifications/resend-all",
                    (b, f) ->
                            b.submit("/console", "/console/queues/notifications/resend-all", Map.of("channel", "SMS")),
                    303,
                    SUPERVISORS),
            new Endpoint(
                    "GET /console/queues/resends/{id}",
                    (b, f) -> b.get("/console/queues/resends/" + RESEND_BATCH),
                    200,
                    SUPERVISORS),
            new Endpoint("GET /console/exports", (b, f) -> b.get("/console/exports"), 200, EXPORTERS),
            new Endpoint(
                    "POST /console/exports",
                    (b, f) -> b.submit("/console", "/console/exports", Map.of("kind", "CASES", "month", "1999-12")),
                    400,
                    EXPORTERS),
            new Endpoint(
                    "GET /console/exports/{id}",
                    (b, f) -> b.get("/console/exports/" + UUID.randomUUID()),
                    404,
                    EXPORTERS),
            new Endpoint(
                    "POST /console/exports/{id}/resume",
                    (b, f) -> b.submit("/console", "/console/exports/" + UUID.randomUUID() + "/resume", Map.of()),
                    404,
                    EXPORTERS),
            new Endpoint(
                    "GET /console/exports/{id}/csv",
                    (b, f) -> b.get("/console/exports/" + UUID.randomUUID() + "/csv"),
                    404,
                    EXPORTERS),
            new Endpoint(
                    "GET /console/evidence/{id}",
                    (b, f) -> b.get("/console/evidence/" + f.evidenceId()),
                    200,
                    STAFF_READERS));

    private static Fixture fixture;

    @Inject
    Pool pool;

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : CALLERS) {
                pairs.add(Arguments.of(endpoint, caller));
            }
        }
        return pairs.stream();
    }

    @org.junit.jupiter.api.BeforeEach
    void caseServiceShowsTheCase() {
        String number = fixture().trackingNumber();
        cn.jxquality.complaint.CaseServiceStubs.openCase(CASE, number, "ASSIGNED", 2, "\"accept\",\"notes\"");
        cn.jxquality.complaint.CaseServiceStubs.answer(
                CASE, "notes", 200, cn.jxquality.complaint.CaseServiceStubs.caseJson(CASE, number, "ASSIGNED", 3));
        cn.jxquality.complaint.CaseServiceStubs.statistics();
        cn.jxquality.complaint.CaseServiceStubs.answer(
                CASE, "assign", 200, cn.jxquality.complaint.CaseServiceStubs.caseJson(CASE, number, "ASSIGNED", 3));
        cn.jxquality.complaint.CaseServiceStubs.quietQueues(NOTIFICATION);
        cn.jxquality.complaint.CaseServiceStubs.resendBatch(RESEND_BATCH);
        String reward = cn.jxquality.complaint.CaseServiceStubs.rewardJson(
                REWARD, REPORT_CASE, number, "PROPOSED", null, false, "\"APPROVE\",\"REJECT\"");
        cn.jxquality.complaint.CaseServiceStubs.reward(REWARD, REPORT_CASE, number, reward);
        for (String decision : List.of("approve", "reject", "payout")) {
            cn.jxquality.complaint.CaseServiceStubs.rewardAnswer(REWARD, decision, 200, reward);
        }
        OtherServices.wireMock()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/rewards"))
                        .willReturn(cn.jxquality.complaint.CaseServiceStubs.json(201, reward)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pairs")
    void eachPageAnswersEachRoleAsItShould(Endpoint endpoint, String caller) {
        Browser browser = Browser.chinese();
        if (!ANONYMOUS.equals(caller)) {
            browser.as(caller);
        }
        Response response = endpoint.call().apply(browser, fixture());
        int expected = endpoint.expectedFor(caller);
        assertEquals(expected, response.statusCode(), endpoint.name() + " as " + caller + ": " + response.asString());
        if (expected == 302) {
            assertThat(response.header("Location"), containsString("/protocol/openid-connect/auth"));
        } else if (expected == 403) {
            assertThat(response.contentType(), containsString("text/html"));
            assertThat(response.asString(), containsString("无权访问此页面"));
        }
    }

    private synchronized Fixture fixture() {
        if (fixture == null) {
            String number = given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", Submissions.randomClient())
                    .body(Submissions.uniqueWebComplaint())
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("trackingNumber");
            given().auth()
                    .oauth2(Tokens.of("operator1"))
                    .multiPart("file", "a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1}, "image/jpeg")
                    .post("/api/v1/complaints/" + number + "/evidence")
                    .then()
                    .statusCode(201);
            String evidence = Db.row(
                            pool,
                            "select e.id from evidence_file e join complaint c on c.id = e.complaint_id"
                                    + " where c.tracking_number = $1",
                            number)
                    .getUUID("id")
                    .toString();
            String odr = given().contentType(io.restassured.http.ContentType.JSON)
                    .header("X-Forwarded-For", cn.jxquality.complaint.Submissions.randomClient())
                    .body(cn.jxquality.complaint.Submissions.odrComplaint(
                            cn.jxquality.complaint.Submissions.ODR_ENTERPRISE))
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("trackingNumber");
            fixture = new Fixture(number, evidence, odr);
        }
        return fixture;
    }
}
