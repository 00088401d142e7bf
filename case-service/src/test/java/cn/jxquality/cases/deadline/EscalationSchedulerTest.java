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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Escalations still open after their own deadline, against the real database and broker (timers off in tests). */
@QuarkusTest
class EscalationSchedulerTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    DeadlineScheduler deadlines;

    @Inject
    EscalationScheduler escalations;

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    void twoSchedulersRacingOverTheSameDueEscalationsReportEachExactlyOnce() {
        List<CaseTopics.OpenedCase> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
            cases.add(opened);
            escalateAndRunOut(opened.id(), "acceptBy");
        }
        // batches of one, so the two instances interleave transaction by transaction over the same rows
        EscalationScheduler first = new EscalationScheduler(pool, json, 1);
        EscalationScheduler second = new EscalationScheduler(pool, json, 1);
        List<Integer> fired = Uni.join()
                .all(first.scanAll(), second.scanAll())
                .andFailFast()
                .await()
                .atMost(Duration.ofSeconds(30));
        assertTrue(fired.get(0) + fired.get(1) >= cases.size(), "all due escalations reported: " + fired);
        for (CaseTopics.OpenedCase opened : cases) {
            assertEquals(
                    1,
                    count(
                            "select count(*) from outbox_event where aggregate_id = $1 and type = $2",
                            opened.complaintId(),
                            EscalationOverdue.TYPE));
            assertEquals(
                    1,
                    count(
                            "select count(*) from case_event where case_id = $1 and type = $2",
                            opened.id(),
                            "case.escalation-overdue"));
            assertEquals(
                    1,
                    count(
                            "select count(*) from escalation where case_id = $1 and overdue_at is not null",
                            opened.id()));
        }
        assertEquals(
                0,
                first.scanAll().await().indefinitely()
                        + second.scanAll().await().indefinitely());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theSupervisorsAreToldOnceWhenAnEscalationOutlivesItsOwnDeadline() {
        CaseTopics.OpenedCase opened = topics.open("REPORT", "PRODUCT.FOOD", "360100", "case.assigned.v1");
        UUID escalationId = escalateAndRunOut(opened.id(), "verifyBy");
        escalations.scanAll().await().indefinitely();
        escalations.scanAll().await().indefinitely();

        JsonNode overdue = topics.awaitEvent(opened.complaintId(), EscalationOverdue.TYPE);
        assertEquals(escalationId.toString(), overdue.get("escalationId").asText());
        assertEquals("verifyBy", overdue.get("deadline").asText());
        assertEquals("360100-AMR", overdue.get("departmentCode").asText());
        assertEquals("ASSIGNED", overdue.get("state").asText());
        assertEquals(opened.trackingNumber(), overdue.get("trackingNumber").asText());
        assertEquals(
                1,
                count(
                        "select count(*) from outbox_event where aggregate_id = $1 and type = $2",
                        opened.complaintId(),
                        EscalationOverdue.TYPE));
        given().get("/api/v1/cases/" + opened.id() + "/events")
                .then()
                .statusCode(200)
                .body("findAll { it.type == 'case.escalation-overdue' }", hasSize(1))
                .body("find { it.type == 'case.escalation-overdue' }.visibility", equalTo("INTERNAL"));
        given().queryParam("trackingNumber", opened.trackingNumber())
                .get("/api/v1/escalations")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(escalationId.toString()))
                .body("[0].overdueAt", notNullValue());
    }

    @Test
    void aClosedEscalationOrOneWaitingForTheCitizensMaterialsIsNotReported() {
        CaseTopics.OpenedCase closed = topics.openNanchangComplaint();
        escalateAndRunOut(closed.id(), "acceptBy");
        execute("update escalation set closed_at = now() where case_id = $1", closed.id());
        CaseTopics.OpenedCase waiting = topics.openNanchangComplaint();
        escalateAndRunOut(waiting.id(), "acceptBy");
        execute("update case_file set waiting_for_materials_since = now() where id = $1", waiting.id());

        escalations.scanAll().await().indefinitely();

        for (CaseTopics.OpenedCase opened : List.of(closed, waiting)) {
            assertEquals(
                    0,
                    count(
                            "select count(*) from outbox_event where aggregate_id = $1 and type = $2",
                            opened.complaintId(),
                            EscalationOverdue.TYPE));
        }
        execute("update case_file set waiting_for_materials_since = null where id = $1", waiting.id());
        escalations.scanAll().await().indefinitely();
        assertEquals(
                1,
                count(
                        "select count(*) from outbox_event where aggregate_id = $1 and type = $2",
                        waiting.complaintId(),
                        EscalationOverdue.TYPE));
    }

    /** Lets the case's deadline run out, has the escalation opened, then lets the escalation's own deadline pass. */
    private UUID escalateAndRunOut(UUID caseId, String deadline) {
        execute(
                "update deadline_clock set started_at = now() - interval '20 days', warn_at = now() - interval '12 days',"
                        + " due_at = now() - interval '10 days' where case_id = $1 and name = $2",
                caseId,
                deadline);
        deadlines.scanAll().await().indefinitely();
        execute(
                "update escalation set due_at = now() - interval '1 minute' where case_id = $1 and deadline_name = $2",
                caseId,
                deadline);
        return pool.preparedQuery("select id from escalation where case_id = $1")
                .execute(Tuple.of(caseId))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getUUID(0);
    }

    private void execute(String sql, Object... args) {
        int updated = pool.preparedQuery(sql)
                .execute(Tuple.from(args))
                .await()
                .indefinitely()
                .rowCount();
        assertEquals(1, updated, "one row: " + sql);
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
