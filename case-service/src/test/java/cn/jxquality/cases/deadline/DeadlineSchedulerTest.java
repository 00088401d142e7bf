package cn.jxquality.cases.deadline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.handling.CaseTopics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler against the real database and broker; the application's own timer is off in tests. */
@QuarkusTest
class DeadlineSchedulerTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    CaseDeadlines deadlines;

    @Inject
    DeadlineScheduler scheduler;

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    void twoSchedulersRacingOverTheSameDueClocksFireEachStepExactlyOnce() {
        List<CaseTopics.OpenedCase> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
            cases.add(opened);
            runOut(opened.id(), "acceptBy");
        }
        // batches of one, so the two instances interleave transaction by transaction over the same rows
        DeadlineScheduler first = new DeadlineScheduler(pool, json, deadlines, 1, 5);
        DeadlineScheduler second = new DeadlineScheduler(pool, json, deadlines, 1, 5);
        List<Integer> fired = Uni.join()
                .all(first.scanAll(), second.scanAll())
                .andFailFast()
                .await()
                .atMost(Duration.ofSeconds(30));
        assertTrue(fired.get(0) + fired.get(1) >= cases.size(), "all due steps fired: " + fired);
        for (CaseTopics.OpenedCase opened : cases) {
            assertEquals(
                    1,
                    count(
                            "select count(*) from outbox_event where aggregate_id = $1 and type = $2",
                            opened.complaintId(),
                            DeadlineAlert.OVERDUE));
            assertEquals(
                    0,
                    count(
                            "select count(*) from outbox_event where aggregate_id = $1 and type = $2",
                            opened.complaintId(),
                            DeadlineAlert.NEAR));
            assertEquals(
                    1,
                    count(
                            "select count(*) from escalation where case_id = $1 and deadline_name = $2",
                            opened.id(),
                            "acceptBy"));
            assertEquals(
                    1,
                    count(
                            "select count(*) from case_event where case_id = $1 and type = $2",
                            opened.id(),
                            "case.overdue"));
        }
        assertEquals(
                0,
                first.scanAll().await().indefinitely()
                        + second.scanAll().await().indefinitely());
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aDepartmentIsWarnedOnceAt80PerCent() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        execute(
                "update deadline_clock set warn_at = now() - interval '1 minute' where case_id = $1 and name = $2",
                opened.id(),
                "acceptBy");
        scheduler.scanAll().await().indefinitely();
        scheduler.scanAll().await().indefinitely();

        JsonNode near = topics.awaitEvent(opened.complaintId(), DeadlineAlert.NEAR);
        assertEquals("acceptBy", near.get("deadline").asText());
        assertEquals("360100-AMR", near.get("departmentCode").asText());
        assertEquals("ASSIGNED", near.get("state").asText());
        assertEquals(
                1,
                count(
                        "select count(*) from outbox_event where aggregate_id = $1 and type = $2",
                        opened.complaintId(),
                        DeadlineAlert.NEAR));
        given().get("/api/v1/cases/" + opened.id() + "/events")
                .then()
                .statusCode(200)
                .body("findAll { it.type == 'case.deadline-near' }", hasSize(1))
                .body("find { it.type == 'case.deadline-near' }.visibility", equalTo("INTERNAL"));
        given().queryParam("overdue", true)
                .queryParam("trackingNumber", opened.trackingNumber())
                .get("/api/v1/cases")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void anOverdueCaseIsEscalatedListedAndReleasedWhenTheDepartmentActs() {
        CaseTopics.OpenedCase opened = topics.open("REPORT", "PRODUCT.FOOD", "360100", "case.assigned.v1");
        runOut(opened.id(), "verifyBy");
        scheduler.scanAll().await().indefinitely();

        JsonNode overdue = topics.awaitEvent(opened.complaintId(), DeadlineAlert.OVERDUE);
        assertEquals("verifyBy", overdue.get("deadline").asText());
        Instant escalationDue = Instant.parse(overdue.get("escalationDueAt").asText());
        assertTrue(escalationDue.isAfter(Instant.now().plus(Duration.ofDays(4))), "5 working days to act");
        given().queryParam("overdue", true)
                .queryParam("trackingNumber", opened.trackingNumber())
                .get("/api/v1/cases")
                .then()
                .body("items", hasSize(1));
        given().queryParam("trackingNumber", opened.trackingNumber())
                .get("/api/v1/escalations")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].deadline", equalTo("verifyBy"))
                .body("[0].departmentCode", equalTo("360100-AMR"))
                .body("[0].id", equalTo(overdue.get("escalationId").asText()))
                .body("[0].dueAt", notNullValue());

        int version =
                given().get("/api/v1/cases/" + opened.id()).then().extract().path("version");
        given().header("If-Match", "\"" + version + "\"")
                .contentType("application/json")
                .body("{\"ground\":\"NOT_WITHIN_DUTIES\",\"note\":\"not ours\"}")
                .post("/api/v1/cases/" + opened.id() + "/refuse")
                .then()
                .statusCode(200);
        given().queryParam("overdue", true)
                .queryParam("trackingNumber", opened.trackingNumber())
                .get("/api/v1/cases")
                .then()
                .body("items", hasSize(0));
        given().queryParam("trackingNumber", opened.trackingNumber())
                .get("/api/v1/escalations")
                .then()
                .body("", hasSize(0));
        given().queryParam("trackingNumber", opened.trackingNumber())
                .queryParam("open", false)
                .get("/api/v1/escalations")
                .then()
                .body("", hasSize(1))
                .body("[0].closedAt", notNullValue());
    }

    /**
     * The 2-working-day transfer deadline is watched while the department has not decided: warned at 80 %, escalated
     * when it passes, and released by accepting (which stops it, the acceptance clock's escalation aside).
     */
    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void anUndecidedCasePastItsTransferDeadlineIsWarnedAndEscalatedUntilTheDepartmentDecides() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        assertEquals(
                1,
                count(
                        "select count(*) from deadline_clock where case_id = $1 and name = 'transferBy'"
                                + " and due_at = (select transfer_by from case_file where id = $1)"
                                + " and stopped_at is null",
                        opened.id()));
        execute(
                "update deadline_clock set warn_at = now() - interval '1 minute' where case_id = $1 and name = $2",
                opened.id(),
                "transferBy");
        scheduler.scanAll().await().indefinitely();
        assertEquals(
                "transferBy",
                topics.awaitEvent(opened.complaintId(), DeadlineAlert.NEAR)
                        .get("deadline")
                        .asText());

        runOut(opened.id(), "transferBy");
        scheduler.scanAll().await().indefinitely();
        JsonNode overdue = topics.awaitEvent(opened.complaintId(), DeadlineAlert.OVERDUE);
        assertEquals("transferBy", overdue.get("deadline").asText());
        given().queryParam("trackingNumber", opened.trackingNumber())
                .get("/api/v1/escalations")
                .then()
                .body("", hasSize(1))
                .body("[0].deadline", equalTo("transferBy"));

        int version =
                given().get("/api/v1/cases/" + opened.id()).then().extract().path("version");
        given().header("If-Match", "\"" + version + "\"")
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/cases/" + opened.id() + "/accept")
                .then()
                .statusCode(200);
        given().queryParam("trackingNumber", opened.trackingNumber())
                .get("/api/v1/escalations")
                .then()
                .body("", hasSize(0));
        assertEquals(
                1,
                count(
                        "select count(*) from deadline_clock where case_id = $1 and name = 'transferBy'"
                                + " and stopped_at is not null",
                        opened.id()));
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void departmentsDoNotReadTheEscalationList() {
        given().get("/api/v1/escalations").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsReadTheEscalationList() {
        given().get("/api/v1/escalations").then().statusCode(200);
        given().queryParam("limit", 0).get("/api/v1/escalations").then().statusCode(400);
    }

    @Test
    void anonymousCallersDoNotReadTheEscalationList() {
        given().get("/api/v1/escalations").then().statusCode(401);
    }

    /** Moves the deadline's whole span into the past, as if the department had let it run out. */
    private void runOut(UUID caseId, String deadline) {
        execute(
                "update deadline_clock set started_at = now() - interval '10 days', warn_at = now() - interval '2 days',"
                        + " due_at = now() - interval '1 day' where case_id = $1 and name = $2",
                caseId,
                deadline);
    }

    private void execute(String sql, Object... args) {
        int updated = pool.preparedQuery(sql)
                .execute(Tuple.from(args))
                .await()
                .indefinitely()
                .rowCount();
        assertEquals(1, updated, "the clock exists: " + sql);
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(args))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
