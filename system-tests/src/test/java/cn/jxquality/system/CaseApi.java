package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** case-service's API as departments, supervisors and reward staff call it, for the steps a test does not show. */
final class CaseApi {

    static final Duration ASYNC = Duration.ofSeconds(30);

    private CaseApi() {}

    /** The id of the case opened for {@code trackingNumber}, once routing has opened it. */
    static String caseOf(String trackingNumber, String token) {
        return await().atMost(ASYNC)
                .until(
                        () -> given().auth()
                                .oauth2(token)
                                .queryParam("trackingNumber", trackingNumber)
                                .get(RunningSuite.CASES + "/api/v1/cases")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
    }

    static String state(String token, String caseId) {
        return given().auth()
                .oauth2(token)
                .get(RunningSuite.CASES + "/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    /** A case action ({@code accept}, {@code resolve}, {@code notes}, …) with the case's current version. */
    static void act(String token, String caseId, String action, Map<String, Object> body) {
        String etag = given().auth()
                .oauth2(token)
                .get(RunningSuite.CASES + "/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(token)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(body)
                .post(RunningSuite.CASES + "/api/v1/cases/" + caseId + "/" + action)
                .then()
                .statusCode(200);
    }

    /** Routed (assigned by the supervisor if routing could not place it), accepted and started. */
    static void acceptAndStart(String token, String caseId) {
        if ("NEW".equals(state(token, caseId))) {
            act(token, caseId, "assign", Map.of("departmentCode", "360100-AMR"));
        }
        act(token, caseId, "accept", Map.of());
        act(token, caseId, "start", Map.of());
    }

    /**
     * The report's case, routed, accepted, investigated and substantiated with a fine under a decision number of
     * {@code decisionPrefix} and the tracking number's sequence; answers the case id.
     */
    static String substantiated(String trackingNumber, String token, String decisionPrefix, long finesFen) {
        String caseId = caseOf(trackingNumber, token);
        acceptAndStart(token, caseId);
        act(
                token,
                caseId,
                "resolve",
                Map.of(
                        "outcome",
                        "SUBSTANTIATED",
                        "note",
                        "经查属实，已依法作出行政处罚。",
                        "decisionNumber",
                        decisionPrefix + trackingNumber.substring(10),
                        "finesFen",
                        finesFen,
                        "confiscationsFen",
                        0));
        return caseId;
    }

    /** The reviewer's proposal of {@code level} for a substantiated report's case (201). */
    static ValidatableResponse proposal(String reviewer, String caseId, int level) {
        return given().auth()
                .oauth2(reviewer)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "caseId",
                        caseId,
                        "level",
                        level,
                        "naturalPerson",
                        true,
                        "insider",
                        false,
                        "exclusions",
                        List.of(),
                        "note",
                        "举报内容详实，直接证据充分。"))
                .post(RunningSuite.CASES + "/api/v1/rewards")
                .then()
                .statusCode(201);
    }

    /** As {@link #proposal}, answering the reward's id. */
    static String propose(String reviewer, String caseId, int level) {
        String location = proposal(reviewer, caseId, level).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A reward action ({@code approve}, {@code payout}) with the reward's current version. */
    static ValidatableResponse rewardAction(String token, String rewardId, String action) {
        String etag = given().auth()
                .oauth2(token)
                .get(RunningSuite.CASES + "/api/v1/rewards/" + rewardId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return given().auth()
                .oauth2(token)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(RunningSuite.CASES + "/api/v1/rewards/" + rewardId + "/" + action)
                .then()
                .statusCode(200);
    }
}
