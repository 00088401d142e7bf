package cn.jxquality.cases.deadline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.handling.CaseTopics;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clocks stand still while the department waits for the citizen's materials. */
@QuarkusTest
class MaterialsPauseTest {

    @Inject
    Pool pool;

    @Inject
    DeadlineScheduler scheduler;

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aCaseWaitingForMaterialsIsNeitherWarnedNorEscalatedAndRunsOnWhenTheyArrive() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        String acceptBy =
                given().get("/api/v1/cases/" + opened.id()).then().extract().path("deadlines.acceptBy");

        act(opened.id(), "request-materials", "{\"note\":\"Please send the receipt\"}")
                .statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("waitingForMaterialsSince", notNullValue());
        JsonNode requested = topics.awaitEvent(opened.complaintId(), "case.materials-requested.v1");
        assertTrue(requested.get("publicNote").asText().contains("Please send the receipt"));
        act(opened.id(), "accept", null)
                .statusCode(409)
                .body("allowedActions", containsInAnyOrder("materials-received", "refuse", "transfer", "notes"));
        act(opened.id(), "request-materials", "{\"note\":\"again\"}").statusCode(409);

        // the deadline would have run out meanwhile: a paused clock is not taken
        runOut(opened.id());
        scheduler.scanAll().await().indefinitely();
        assertEquals(0, count("select count(*) from escalation where case_id = $1", opened.id()));

        act(opened.id(), "materials-received", null)
                .statusCode(200)
                .body("waitingForMaterialsSince", nullValue())
                // asked for and received on the same day: nothing to add
                .body("deadlines.acceptBy", equalTo(acceptBy));
        topics.awaitEvent(opened.complaintId(), "case.materials-received.v1");
        assertEquals(
                0,
                count("select count(*) from deadline_clock where case_id = $1 and paused_at is not null", opened.id()));
        act(opened.id(), "accept", null).statusCode(200).body("state", equalTo("ACCEPTED"));
        given().get("/api/v1/cases/" + opened.id() + "/events")
                .then()
                .body("find { it.type == 'case.materials-requested' }.visibility", equalTo("PUBLIC"))
                .body("find { it.type == 'case.materials-received' }.actor", equalTo("dept-nc"));
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aRequestWithoutSayingWhatIsMissingIsRefused() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "request-materials", "{}").statusCode(400).body("violations[0].field", equalTo("note"));
        act(opened.id(), "materials-received", null).statusCode(409);
        given().get("/api/v1/cases/" + opened.id()).then().body("version", equalTo(0));
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void refusingForMissingMaterialsEndsTheWait() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "request-materials", "{\"note\":\"Please send the contract\"}")
                .statusCode(200);
        act(opened.id(), "refuse", "{\"ground\":\"MATERIALS_MISSING\"}")
                .statusCode(200)
                .body("state", equalTo("NOT_ACCEPTED"))
                .body("waitingForMaterialsSince", nullValue());
    }

    private void runOut(UUID caseId) {
        pool.preparedQuery("update deadline_clock set started_at = now() - interval '10 days',"
                        + " warn_at = now() - interval '2 days', due_at = now() - interval '1 day'"
                        + " where case_id = $1 and name = 'acceptBy'")
                .execute(Tuple.of(caseId))
                .await()
                .indefinitely();
    }

    private long count(String sql, UUID caseId) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(caseId))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    private static ValidatableResponse act(UUID id, String action, String body) {
        int version = given().get("/api/v1/cases/" + id).then().extract().path("version");
        var request = given().header("If-Match", "\"" + version + "\"");
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post("/api/v1/cases/" + id + "/" + action).then();
    }
}
