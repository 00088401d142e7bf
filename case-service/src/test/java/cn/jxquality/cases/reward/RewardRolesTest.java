package cn.jxquality.cases.reward;

import static cn.jxquality.cases.reward.RewardFlow.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every reward endpoint × every realm role (and no login), with real Keycloak tokens. A role that may call an
 * endpoint gets the answer the request deserves (200, or 404 for a reward that does not exist, or 400 for a case
 * that does not); every other role gets 403, no login 401; the public claim is open to all.
 */
@QuarkusTest
@QuarkusTestResource(RewardThirdParties.class)
class RewardRolesTest {

    static final String READERS = "reward-reviewer reward-approver finance supervisor auditor";
    static final Map<String, String> USERS = Map.of(
            "operator", "operator1",
            "supervisor", "supervisor1",
            "department", "dept-nc-amr",
            "reward-reviewer", "reviewer1",
            "reward-approver", "approver1",
            "finance", "finance1",
            "auditor", "auditor1",
            "admin", "admin1");

    /** One endpoint: who may call it, what they get, and the call. */
    record Endpoint(String name, Set<String> roles, int allowedStatus, Function<RequestSpecification, Integer> call) {}

    static final UUID NO_REWARD = UUID.randomUUID();

    static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("list", READERS, 200, r -> r.get("/api/v1/rewards").statusCode()),
            endpoint(
                    "get",
                    READERS,
                    404,
                    r -> r.get("/api/v1/rewards/" + NO_REWARD).statusCode()),
            endpoint(
                    "events",
                    READERS,
                    404,
                    r -> r.get("/api/v1/rewards/" + NO_REWARD + "/events").statusCode()),
            endpoint(
                    "propose",
                    "reward-reviewer",
                    400,
                    r -> r.contentType(ContentType.JSON)
                            .body("{\"caseId\":\"" + UUID.randomUUID()
                                    + "\",\"level\":1,\"naturalPerson\":true,\"insider\":false,\"exclusions\":[]}")
                            .post("/api/v1/rewards")
                            .statusCode()),
            endpoint(
                    "approve",
                    "reward-approver finance",
                    404,
                    r -> r.header("If-Match", "\"0\"")
                            .post("/api/v1/rewards/" + NO_REWARD + "/approve")
                            .statusCode()),
            endpoint(
                    "reject",
                    "reward-approver finance",
                    404,
                    r -> r.header("If-Match", "\"0\"")
                            .contentType(ContentType.JSON)
                            .body("{\"reason\":\"no\"}")
                            .post("/api/v1/rewards/" + NO_REWARD + "/reject")
                            .statusCode()),
            endpoint(
                    "payout",
                    "finance",
                    404,
                    r -> r.header("If-Match", "\"0\"")
                            .post("/api/v1/rewards/" + NO_REWARD + "/payout")
                            .statusCode()),
            endpoint(
                    "reporter-identity",
                    "reward-reviewer reward-approver finance",
                    404,
                    r -> r.get("/api/v1/rewards/" + NO_REWARD + "/reporter-identity")
                            .statusCode()),
            endpoint(
                    "identity-views",
                    "supervisor auditor",
                    404,
                    r -> r.get("/api/v1/rewards/" + NO_REWARD + "/identity-views")
                            .statusCode()),
            endpoint(
                    "report",
                    "supervisor",
                    200,
                    r -> r.get("/api/v1/rewards/report").statusCode()));

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (var user : USERS.entrySet()) {
                int expected = endpoint.roles().contains(user.getKey()) ? endpoint.allowedStatus() : 403;
                int actual = endpoint.call().apply(as(user.getValue()));
                if (actual != expected) {
                    wrong.add(endpoint.name() + " as " + user.getKey() + ": " + actual + " instead of " + expected);
                }
            }
            int anonymous = endpoint.call().apply(as(null));
            if (anonymous != 401) {
                wrong.add(endpoint.name() + " without login: " + anonymous + " instead of 401");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theClaimIsPublicForEveryRoleAndNoLogin() {
        List<String> wrong = new ArrayList<>();
        List<String> users = new ArrayList<>(USERS.values());
        users.add(null);
        for (String user : users) {
            // a malformed claim: 400 for everybody, never 401 or 403
            int status = as(user).header("X-Forwarded-For", RewardFlow.client())
                    .contentType(ContentType.JSON)
                    .body("{\"trackingNumber\":\"JX1\"}")
                    .post("/api/v1/reward-claims")
                    .statusCode();
            if (status != 400) {
                wrong.add(user + ": " + status);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Endpoint endpoint(
            String name, String roles, int allowedStatus, Function<RequestSpecification, Integer> call) {
        return new Endpoint(name, Set.of(roles.split(" ")), allowedStatus, call);
    }
}
