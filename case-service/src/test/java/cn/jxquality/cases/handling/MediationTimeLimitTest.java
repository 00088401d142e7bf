package cn.jxquality.cases.handling;

import static cn.jxquality.cases.handling.CaseApi.act;
import static cn.jxquality.cases.handling.CaseApi.events;
import static cn.jxquality.cases.handling.CaseApi.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.deadline.DeadlineScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mediation ends at its 60 days (SAMR Order 121): the scheduler marks the clock overdue and escalates; the complaint
 * is then resolved MEDIATION_ENDED on the ground TIME_LIMIT_EXPIRED, the citizen told what they may do next.
 */
@QuarkusTest
@TestSecurity(user = "supervisor1", roles = "supervisor")
class MediationTimeLimitTest {

    @Inject
    Pool pool;

    @Inject
    DeadlineScheduler deadlines;

    @Inject
    MediationTimeLimit limit;

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    void aMediationPastItsSixtyDaysIsEndedAndTheCitizenToldTheirOptions() throws Throwable {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "accept", null).statusCode(200);
        act(opened.id(), "start", null).statusCode(200);
        runOut(opened.id());
        // not before the deadline scheduler has marked it overdue
        VertxContextSupport.subscribeAndAwait(limit::endExpired);
        get(opened.id()).body("state", equalTo("IN_MEDIATION"));

        deadlines.scanAll().await().indefinitely();
        assertTrue(VertxContextSupport.subscribeAndAwait(limit::endExpired) >= 1);
        get(opened.id())
                .body("state", equalTo("RESOLVED"))
                .body("outcome", equalTo("MEDIATION_ENDED"))
                .body("outcomeGround", equalTo("TIME_LIMIT_EXPIRED"));
        events(opened.id())
                .body("find { it.type == 'case.resolved' }.actor", equalTo("system"))
                .body("find { it.type == 'case.resolved' }.visibility", equalTo("PUBLIC"))
                .body("find { it.type == 'case.overdue' }", notNullValue());
        JsonNode resolved = topics.awaitEvent(opened.complaintId(), "case.resolved.v1");
        assertTrue(resolved.get("publicNote").asText().contains("六十日"), resolved.toString());
        assertTrue(resolved.get("publicNote").asText().contains("仲裁"), resolved.toString());
        // the escalation is kept on record, closed by the ending
        given().queryParam("trackingNumber", opened.trackingNumber())
                .queryParam("open", false)
                .get("/api/v1/escalations")
                .then()
                .body("", hasSize(1))
                .body("[0].deadline", equalTo("mediationEndsBy"))
                .body("[0].closedAt", notNullValue());

        // once only
        VertxContextSupport.subscribeAndAwait(limit::endExpired);
        events(opened.id()).body("findAll { it.type == 'case.resolved' }", hasSize(1));
    }

    @Test
    void aComplaintResolvedMeanwhileIsLeftAlone() throws Throwable {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "accept", null).statusCode(200);
        act(opened.id(), "start", null).statusCode(200);
        runOut(opened.id());
        deadlines.scanAll().await().indefinitely();
        act(opened.id(), "resolve", "{\"outcome\":\"MEDIATED\",\"note\":\"Agreed on the last day\"}")
                .statusCode(200);
        VertxContextSupport.subscribeAndAwait(limit::endExpired);
        get(opened.id()).body("outcome", equalTo("MEDIATED"));
        events(opened.id())
                .body("findAll { it.type == 'case.resolved' }", hasSize(1))
                .body("find { it.type == 'case.resolved' }.note", containsString("Agreed"));
    }

    private void runOut(UUID caseId) {
        int updated = pool.preparedQuery("update deadline_clock set started_at = now() - interval '61 days',"
                        + " warn_at = now() - interval '12 days', due_at = now() - interval '1 day'"
                        + " where case_id = $1 and name = 'mediationEndsBy'")
                .execute(Tuple.of(caseId))
                .await()
                .indefinitely()
                .rowCount();
        assertEquals(1, updated);
    }
}
