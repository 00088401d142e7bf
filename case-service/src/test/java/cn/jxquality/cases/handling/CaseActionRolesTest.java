package cn.jxquality.cases.handling;

import static cn.jxquality.cases.handling.CaseApi.act;
import static cn.jxquality.cases.handling.CaseApi.events;
import static cn.jxquality.cases.handling.CaseApi.get;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may take which action (DESIGN §8): departments and supervisors act, nobody else; and two racing writers. */
@QuarkusTest
class CaseActionRolesTest {

    /** Each action with a body that would be valid, so only the role decides. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("accept", "{}"),
            Map.entry("refuse", "{\"ground\":\"OVER_THREE_YEARS\"}"),
            Map.entry("start", "{}"),
            Map.entry("transfer", "{\"reason\":\"wrong city\",\"departmentCode\":\"360700-AMR\"}"),
            Map.entry("notes", "{\"text\":\"hello\",\"visibility\":\"INTERNAL\"}"),
            Map.entry("resolve", "{\"outcome\":\"MEDIATED\"}"),
            Map.entry("close", "{}"),
            Map.entry("extend", "{\"reason\":\"lab\"}"),
            Map.entry("request-materials", "{\"note\":\"the receipt\"}"),
            Map.entry("materials-received", "{}"),
            Map.entry("assign", "{\"departmentCode\":\"360100-AMR\"}"));

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        UUID id = UUID.randomUUID();
        ACTIONS.forEach((action, body) -> act(id, action, body, "\"0\"").statusCode(401));
        events(id).statusCode(401);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorsReadTheTrailToTellCallersButMayNotAct() {
        everyActionIsForbidden();
        events(topics.openNanchangComplaint().id()).statusCode(200).body("[0].type", equalTo("case.created"));
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsReadTheTrailButMayNotAct() {
        everyActionIsForbidden();
        events(topics.openNanchangComplaint().id()).statusCode(200).body("[0].type", equalTo("case.created"));
    }

    @Test
    @TestSecurity(
            user = "reviewer1",
            roles = {"reward-reviewer", "reward-approver", "finance"})
    void rewardStaffMayNotActOnCases() {
        everyActionIsForbidden();
        events(UUID.randomUUID()).statusCode(403);
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void departmentsMayNotAssignFromTheTriageQueue() {
        act(UUID.randomUUID(), "assign", ACTIONS.get("assign"), "\"0\"").statusCode(403);
    }

    @Test
    @TestSecurity(user = "dept-unknown", roles = "department")
    void aDepartmentTokenWithoutItsCodeFindsNoCase() {
        UUID id = topics.openNanchangComplaint().id();
        get(id).statusCode(404);
        events(id).statusCode(404);
        act(id, "accept", "{}", "\"0\"").statusCode(404);
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void ofTwoWritersWithTheSameVersionExactlyOneSucceeds() throws Exception {
        UUID id = topics.openNanchangComplaint().id();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (String action : List.of("accept", "refuse")) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return act(id, action, ACTIONS.get(action), "\"0\"").extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> racer : racers) {
            statuses.add(racer.get());
        }
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 412), statuses);
        get(id).statusCode(200).body("version", equalTo(1));
        List<String> types = events(id).extract().path("type");
        assertEquals(
                1,
                types.stream()
                        .filter(t -> t.equals("case.accepted") || t.equals("case.refused"))
                        .count());
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aDepartmentIsOfferedTheActionsOfItsCaseAndNoneOfAnothers() {
        UUID id = topics.openNanchangComplaint().id();
        io.restassured.RestAssured.given()
                .get("/api/v1/cases/" + id + "/actions")
                .then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("actions", equalTo(List.of("accept", "refuse", "transfer", "request-materials", "notes")));
        act(id, "accept", "{}", "\"0\"").statusCode(200);
        io.restassured.RestAssured.given()
                .get("/api/v1/cases/" + id + "/actions")
                .then()
                .body("version", equalTo(1))
                // resolve too: DESIGN §10's accept, then resolve (the start is recorded on the way)
                .body("actions", equalTo(List.of("start", "transfer", "resolve", "request-materials", "notes")));
        UUID ganzhou = topics.open("COMPLAINT", "PRODUCT.FOOD", "360700", "case.assigned.v1")
                .id();
        io.restassured.RestAssured.given()
                .get("/api/v1/cases/" + ganzhou + "/actions")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void anAuditorIsOfferedNothing() {
        io.restassured.RestAssured.given()
                .get("/api/v1/cases/" + UUID.randomUUID() + "/actions")
                .then()
                .statusCode(403);
    }

    private static void everyActionIsForbidden() {
        UUID id = UUID.randomUUID();
        ACTIONS.forEach((action, body) ->
                act(id, action, body, "\"0\"").statusCode(403).contentType("application/problem+json"));
    }
}
