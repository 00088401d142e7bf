package cn.jxquality.complaint;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of this service called with a real Keycloak token of each realm role, with the service accounts of
 * case-service (realm roles {@code claim-verifier}, {@code identity-reader}) and notify-service ({@code
 * contact-reader}), and without one, against the status each pair must answer: each account reaches only its own
 * internal endpoints.
 */
@QuarkusTest
class EndpointRoleMatrixTest {

    static final String ANONYMOUS = "anonymous";
    /** The demo ODR enterprise (role enterprise, credit_code of Submissions.ODR_ENTERPRISE). */
    static final String ENTERPRISE = "ent-demo";

    static final String OPEN311_KEY = "test-open311-key-0123456789";
    static final RestAssuredConfig UTF8_PARTS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultCharsetForContentType("UTF-8", "multipart/form-data"));

    /** Who calls: a user of each staff role, case-service's and notify-service's accounts, nobody. */
    static final List<String> CALLERS = callers();

    static final List<String> STAFF_READERS = List.of("operator1", "supervisor1");

    /** One endpoint: how to call it (given the caller's request and the fixture) and who gets what. */
    record Endpoint(
            String name,
            BiFunction<RequestSpecification, Fixture, Response> call,
            int allowed,
            List<String> allowedCallers,
            int refusedWithToken,
            int refusedAnonymous) {

        int expectedFor(String caller) {
            if (allowedCallers == null || allowedCallers.contains(caller)) {
                return allowed;
            }
            return ANONYMOUS.equals(caller) ? refusedAnonymous : refusedWithToken;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            open(
                    "POST /api/v1/complaints (WEB)",
                    201,
                    (r, f) -> r.contentType(ContentType.JSON)
                            .body(Submissions.uniqueWebComplaint())
                            .post("/api/v1/complaints")),
            new Endpoint(
                    "POST /api/v1/complaints (HOTLINE_12315)",
                    (r, f) -> r.contentType(ContentType.JSON).body(hotline()).post("/api/v1/complaints"),
                    201,
                    List.of("operator1"),
                    403,
                    401),
            open("GET /api/v1/odr/enterprises", 200, (r, f) -> r.get("/api/v1/odr/enterprises")),
            new Endpoint(
                    "GET /api/v1/enterprise/complaints",
                    (r, f) -> r.get("/api/v1/enterprise/complaints"),
                    200,
                    List.of(ENTERPRISE),
                    403,
                    401),
            new Endpoint(
                    "GET /api/v1/enterprise/complaints/{n}",
                    (r, f) -> r.get("/api/v1/enterprise/complaints/" + f.odrTrackingNumber()),
                    200,
                    List.of(ENTERPRISE),
                    403,
                    401),
            // each call answers a complaint of its own, so the one allowed caller is never told it already answered
            new Endpoint(
                    "POST /api/v1/enterprise/complaints/{n}/response",
                    (r, f) -> r.contentType(ContentType.JSON)
                            .body(Map.of("outcome", "SETTLED", "agreement", "退款"))
                            .post("/api/v1/enterprise/complaints/" + submitOdr().get("trackingNumber") + "/response"),
                    200,
                    List.of(ENTERPRISE),
                    403,
                    401),
            // nothing is settled yet: whoever holds the code gets the same 409
            open(
                    "POST /api/v1/complaints/{n}/settlement-answer",
                    409,
                    (r, f) -> r.contentType(ContentType.JSON)
                            .header("X-Forwarded-For", Submissions.randomClient())
                            .body(Map.of("queryCode", f.odrQueryCode(), "accept", true))
                            .post("/api/v1/complaints/" + f.odrTrackingNumber() + "/settlement-answer")),
            open(
                    "POST /api/v1/status-lookups",
                    200,
                    (r, f) -> r.contentType(ContentType.JSON)
                            .body(Map.of("trackingNumber", f.trackingNumber(), "queryCode", f.queryCode()))
                            .post("/api/v1/status-lookups")),
            // the record is still RECEIVED: whoever holds the code gets the same 409, no role changes it
            open(
                    "POST /api/v1/complaints/{n}/feedback",
                    409,
                    (r, f) -> r.contentType(ContentType.JSON)
                            .body(Map.of("queryCode", f.queryCode(), "rating", 5))
                            .post("/api/v1/complaints/" + f.trackingNumber() + "/feedback")),
            // uploads go to a record of their own each, so the limit of 10 files never interferes
            open("POST /api/v1/complaints/{n}/evidence (query code)", 201, (r, f) -> {
                Map<?, ?> own = submit();
                return r.config(UTF8_PARTS)
                        .multiPart("queryCode", own.get("queryCode").toString())
                        .multiPart("file", "a.jpg", jpeg(), "image/jpeg")
                        .post("/api/v1/complaints/" + own.get("trackingNumber") + "/evidence");
            }),
            new Endpoint(
                    "POST /api/v1/complaints/{n}/evidence (staff, no code)",
                    (r, f) -> r.config(UTF8_PARTS)
                            .multiPart("file", "a.jpg", jpeg(), "image/jpeg")
                            .post("/api/v1/complaints/" + submit().get("trackingNumber") + "/evidence"),
                    201,
                    STAFF_READERS,
                    400,
                    400),
            staff(
                    "GET /api/v1/complaints/{n}/evidence",
                    (r, f) -> r.get("/api/v1/complaints/" + f.trackingNumber() + "/evidence")),
            staff("GET /api/v1/evidence/{id}", (r, f) -> r.get("/api/v1/evidence/" + f.evidenceId())),
            staff(
                    "GET /api/v1/complaints (search)",
                    (r, f) -> r.queryParam("trackingNumber", f.trackingNumber()).get("/api/v1/complaints")),
            staff(
                    "GET /api/v1/complaints/{n}",
                    (r, f) -> r.queryParam("reason", "role matrix").get("/api/v1/complaints/" + f.trackingNumber())),
            service(
                    Tokens.NOTIFY_SERVICE,
                    "GET /internal/v1/complaints/{id}/contact",
                    (r, f) -> r.get("/internal/v1/complaints/" + f.id() + "/contact")),
            service(
                    Tokens.NOTIFY_SERVICE,
                    "POST /internal/v1/complaints/contact-lookups",
                    (r, f) -> r.contentType(ContentType.JSON)
                            .body(Map.of("complaintIds", List.of(f.id().toString())))
                            .post("/internal/v1/complaints/contact-lookups")),
            service(
                    Tokens.CASE_SERVICE,
                    "POST /internal/v1/credential-checks",
                    (r, f) -> r.contentType(ContentType.JSON)
                            .body(Map.of("trackingNumber", f.trackingNumber(), "queryCode", f.queryCode()))
                            .post("/internal/v1/credential-checks")),
            service(
                    Tokens.CASE_SERVICE,
                    "POST /internal/v1/identity-checks",
                    (r, f) -> r.contentType(ContentType.JSON)
                            .body(Map.of(
                                    "complaintId", f.id().toString(),
                                    "name", "张三",
                                    "idType", "RESIDENT_ID_CARD",
                                    "idNumber", "36010219900101123X"))
                            .post("/internal/v1/identity-checks")),
            service(
                    Tokens.CASE_SERVICE,
                    "GET /internal/v1/complaints/{id}/identity",
                    (r, f) -> r.header("X-Acting-User", Tokens.of("reviewer1"))
                            .get("/internal/v1/complaints/" + f.id() + "/identity")),
            open("GET /open311/discovery.json", 200, (r, f) -> r.get("/open311/discovery.json")),
            open("GET /open311/v2/services.json", 200, (r, f) -> r.get("/open311/v2/services.json")),
            open("GET /open311/v2/services/{code}.xml", 200, (r, f) -> r.get("/open311/v2/services/PRODUCT.FOOD.xml")),
            open(
                    "POST /open311/v2/requests.json (api key)",
                    201,
                    (r, f) -> r.contentType(ContentType.URLENC)
                            .formParams(open311Form())
                            .post("/open311/v2/requests.json")),
            open(
                    "GET /open311/v2/requests.json (api key)",
                    200,
                    (r, f) -> r.queryParam("api_key", OPEN311_KEY).get("/open311/v2/requests.json")),
            open(
                    "GET /open311/v2/requests.json (no api key: published ones)",
                    200,
                    (r, f) -> r.get("/open311/v2/requests.json")),
            open("POST /open311/v2/requests.json (no api key)", 403, (r, f) -> {
                Map<String, String> form = open311Form();
                form.remove("api_key");
                return r.contentType(ContentType.URLENC).formParams(form).post("/open311/v2/requests.json");
            }));

    private static Fixture fixture;

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : CALLERS) {
                pairs.add(Arguments.of(endpoint, caller));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pairs")
    void eachEndpointAnswersEachCallerAsItShould(Endpoint endpoint, String caller) {
        RequestSpecification request = given().header("X-Forwarded-For", Submissions.randomClient());
        if (!ANONYMOUS.equals(caller)) {
            request.auth().oauth2(Tokens.of(caller));
        }
        Response response = endpoint.call().apply(request, fixture());
        int expected = endpoint.expectedFor(caller);
        assertEquals(expected, response.statusCode(), endpoint.name() + " as " + caller + ": " + response.asString());
        if (expected >= 400 && !endpoint.name().contains("open311")) {
            assertEquals(
                    "application/problem+json",
                    response.contentType().split(";")[0],
                    endpoint.name() + " as " + caller);
        }
    }

    /** A complaint with its query code, id and one evidence file, made once for all pairs. */
    record Fixture(
            UUID id,
            String trackingNumber,
            String queryCode,
            String evidenceId,
            String odrTrackingNumber,
            String odrQueryCode) {}

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            Map<?, ?> receipt = submit();
            String trackingNumber = receipt.get("trackingNumber").toString();
            String operator = Tokens.of("operator1");
            String id = given().auth()
                    .oauth2(operator)
                    .queryParam("reason", "role matrix fixture")
                    .get("/api/v1/complaints/" + trackingNumber)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id");
            String evidenceId = given().config(UTF8_PARTS)
                    .auth()
                    .oauth2(operator)
                    .multiPart("file", "a.jpg", jpeg(), "image/jpeg")
                    .post("/api/v1/complaints/" + trackingNumber + "/evidence")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("files[0].id");
            Map<?, ?> odr = submitOdr();
            fixture = new Fixture(
                    UUID.fromString(id),
                    trackingNumber,
                    receipt.get("queryCode").toString(),
                    evidenceId,
                    odr.get("trackingNumber").toString(),
                    odr.get("queryCode").toString());
        }
        return fixture;
    }

    /** A new web complaint sent to ent-demo's enterprise first: its receipt. */
    private static Map<?, ?> submitOdr() {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.odrComplaint(Submissions.ODR_ENTERPRISE))
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    /** A new web complaint's receipt. */
    private static Map<?, ?> submit() {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private static Endpoint open(String name, int status, BiFunction<RequestSpecification, Fixture, Response> call) {
        return new Endpoint(name, call, status, null, status, status);
    }

    private static Endpoint staff(String name, BiFunction<RequestSpecification, Fixture, Response> call) {
        return new Endpoint(name, call, 200, STAFF_READERS, 403, 401);
    }

    /** An internal endpoint only {@code account}'s service account may call. */
    private static Endpoint service(
            String account, String name, BiFunction<RequestSpecification, Fixture, Response> call) {
        return new Endpoint(name, call, 200, List.of(account), 403, 401);
    }

    private static Map<String, Object> hotline() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("channel", "HOTLINE_12315");
        return body;
    }

    private static Map<String, String> open311Form() {
        Map<String, String> form = new HashMap<>();
        form.put("api_key", OPEN311_KEY);
        form.put("service_code", "PRODUCT.HOUSEHOLD_APPLIANCE");
        form.put("lat", "28.69");
        form.put("long", "115.87");
        form.put("address_string", "南昌市东湖区八一大道1号");
        form.put("last_name", "张");
        form.put("first_name", "三");
        form.put("phone", Submissions.randomMobile());
        form.put("description", "热水器漏电，商家拒绝退货。" + UUID.randomUUID());
        form.put("attribute[subject_name]", "开放商户" + UUID.randomUUID());
        form.put("attribute[remedy]", "RETURN");
        return form;
    }

    /** The first bytes of a JPEG and a unique tail. */
    private static byte[] jpeg() {
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        byte[] tail = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[head.length + tail.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(tail, 0, file, head.length, tail.length);
        return file;
    }

    private static List<String> callers() {
        List<String> callers = new ArrayList<>(Tokens.STAFF);
        callers.add(Tokens.CASE_SERVICE);
        callers.add(Tokens.NOTIFY_SERVICE);
        callers.add(ENTERPRISE);
        callers.add(ANONYMOUS);
        return List.copyOf(callers);
    }
}
