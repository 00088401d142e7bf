package cn.jxquality.cases.handling;

import static cn.jxquality.cases.handling.CaseApi.act;
import static cn.jxquality.cases.handling.CaseApi.events;
import static cn.jxquality.cases.handling.CaseApi.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.cases.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad requests answer 428, 412, 409 or 400 with a problem body, and none of them changes the case. */
@QuarkusTest
class CaseActionRulesTest {

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void refusedRequestsAnswerProblemsAndChangeNothing() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        UUID id = opened.id();
        int trail = trailLength(id);

        act(id, "accept", null, null).statusCode(428).contentType("application/problem+json");
        unchanged(id, trail);
        act(id, "accept", null, "\"7\"").statusCode(412).contentType("application/problem+json");
        act(id, "accept", null, "not-a-version").statusCode(412);
        unchanged(id, trail);

        act(id, "close", null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "allowedActions",
                        containsInAnyOrder("accept", "refuse", "transfer", "notes", "request-materials"));
        act(id, "resolve", "{\"outcome\":\"MEDIATED\"}").statusCode(409);
        act(id, "extend", "{\"reason\":\"complaints have no verification period\"}")
                .statusCode(409);
        unchanged(id, trail);

        act(id, "refuse", "{\"note\":\"no ground given\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("ground"));
        act(id, "refuse", "{\"ground\":\"BORED\"}").statusCode(400).body("violations[0].field", equalTo("ground"));
        act(id, "resolve", "{\"note\":\"no outcome\"}").statusCode(400).body("violations[0].field", equalTo("outcome"));
        act(id, "transfer", "{\"reason\":\"wrong place\",\"departmentCode\":\"369999-AMR\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("departmentCode"));
        act(id, "transfer", "{\"reason\":\"wrong place\",\"departmentCode\":\"360100-AMR\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("departmentCode"));
        act(id, "transfer", "{\"departmentCode\":\"360700-AMR\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        act(id, "notes", "{\"text\":\"hello\",\"visibility\":\"SECRET\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("visibility"));
        act(id, "refuse", null).statusCode(415).contentType("application/problem+json");
        act(id, "refuse", "").statusCode(400).body("violations[0].field", equalTo("body"));
        act(id, "refuse", "{\"ground\":").statusCode(400).contentType("application/problem+json");
        act(id, "refuse", "{\"ground\":\"OVER_THREE_YEARS\",\"note\":\"%s\"}".formatted("x".repeat(1501)))
                .statusCode(400)
                .body("violations[0].field", equalTo("note"));
        // a note that reaches the citizen (timeline, SMS) is plain text, with links only to allowed hosts
        act(id, "refuse", "{\"ground\":\"OVER_THREE_YEARS\",\"note\":\"<a href=x>领取</a>\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("note"))
                .body("violations[0].message", containsString("plain text"));
        act(id, "request-materials", "{\"note\":\"请补充\\u0007材料\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("note"))
                .body("violations[0].message", containsString("control"));
        act(id, "request-materials", "{\"note\":\"请到 https://refund.evil.example/jx 补充材料\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("note"))
                .body("violations[0].message", containsString("gov.cn"));
        act(id, "notes", "{\"text\":\"见 www.evil.example\",\"visibility\":\"PUBLIC\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("text"));
        act(id, "transfer", "{\"reason\":\"<script>x</script>\",\"departmentCode\":\"360700-AMR\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        unchanged(id, trail);

        // the refused requests left no event behind: the next one follows the assignment directly
        act(
                        id,
                        "refuse",
                        "{\"ground\":\"OVER_THREE_YEARS\",\"note\":\"Bought in 2021, see https://amr.jiangxi.gov.cn/x\"}")
                .statusCode(200)
                .body("state", equalTo("NOT_ACCEPTED"))
                .body("refusalGround", equalTo("OVER_THREE_YEARS"));
        topics.awaitEvent(opened.complaintId(), "case.refused.v1");
        assertEquals(List.of("case.assigned.v1", "case.refused.v1"), topics.types(opened.complaintId()));
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void anOutcomeMustFitTheKindAndCarryWhatTheLawAsks() {
        UUID id = topics.openNanchangComplaint().id();
        act(id, "accept", null).statusCode(200);
        act(id, "start", null).statusCode(200);
        int trail = trailLength(id);
        act(
                        id,
                        "resolve",
                        "{\"outcome\":\"SUBSTANTIATED\",\"decisionNumber\":\"X\",\"finesFen\":1,\"confiscationsFen\":0}")
                .statusCode(400)
                .body("violations[0].field", equalTo("outcome"));
        act(id, "resolve", "{\"outcome\":\"MEDIATION_ENDED\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("ground"));
        act(id, "resolve", "{\"outcome\":\"MEDIATED\",\"finesFen\":-5}")
                .statusCode(400)
                .body("violations[0].field", equalTo("finesFen"));
        unchanged(id, trail);
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aSubstantiatedReportNeedsItsPenaltyDecision() {
        UUID id = topics.open("REPORT", "PRODUCT.FOOD", "360100", "case.assigned.v1")
                .id();
        act(id, "accept", null).statusCode(200);
        act(id, "start", null).statusCode(200);
        int trail = trailLength(id);
        act(id, "resolve", "{\"outcome\":\"SUBSTANTIATED\",\"finesFen\":100,\"confiscationsFen\":0}")
                .statusCode(400)
                .body("violations[0].field", equalTo("decisionNumber"));
        act(id, "resolve", "{\"outcome\":\"SUBSTANTIATED\",\"decisionNumber\":\"赣市监罚〔2026〕1号\",\"finesFen\":100}")
                .statusCode(400)
                .body("violations[0].field", equalTo("confiscationsFen"));
        act(id, "resolve", "{\"outcome\":\"MEDIATED\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("outcome"));
        unchanged(id, trail);
    }

    @Test
    void aGanzhouTokenCannotSeeOrActOnANanchangCase() {
        UUID id = topics.openNanchangComplaint().id();
        String ganzhou = KeycloakTokens.of("dept-gz-amr");
        String nanchang = KeycloakTokens.of("dept-nc-amr");
        RestAssured.given()
                .auth()
                .oauth2(ganzhou)
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(404);
        RestAssured.given()
                .auth()
                .oauth2(ganzhou)
                .get("/api/v1/cases/" + id + "/events")
                .then()
                .statusCode(404);
        for (String[] action : List.of(
                new String[] {"accept", null},
                new String[] {"refuse", "{\"ground\":\"NOT_WITHIN_DUTIES\"}"},
                new String[] {"transfer", "{\"reason\":\"mine now\",\"departmentCode\":\"360700-AMR\"}"},
                new String[] {"notes", "{\"text\":\"peek\",\"visibility\":\"PUBLIC\"}"})) {
            var request = RestAssured.given().auth().oauth2(ganzhou).header("If-Match", "\"0\"");
            if (action[1] != null) {
                request = request.contentType(ContentType.JSON).body(action[1]);
            }
            request.post("/api/v1/cases/" + id + "/" + action[0])
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        RestAssured.given()
                .auth()
                .oauth2(nanchang)
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("departmentCode", equalTo("360100-AMR"))
                .body("version", equalTo(0));
    }

    private static int trailLength(UUID id) {
        return events(id).statusCode(200).extract().path("size()");
    }

    /** Still at the version, state and audit trail it had. */
    private static void unchanged(UUID id, int trail) {
        int version = get(id).statusCode(200).extract().path("version");
        String state = get(id).extract().path("state");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            get(id).body("version", equalTo(version)).body("state", equalTo(state));
            assertEquals(trail, trailLength(id));
        });
    }
}
