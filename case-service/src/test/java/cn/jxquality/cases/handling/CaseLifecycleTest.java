package cn.jxquality.cases.handling;

import static cn.jxquality.cases.handling.CaseApi.act;
import static cn.jxquality.cases.handling.CaseApi.events;
import static cn.jxquality.cases.handling.CaseApi.get;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseLifecycleTest {

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aComplaintGoesFromAcceptanceThroughMediationToClosure() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        get(opened.id())
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("deadlines", hasKey("acceptBy"))
                .body("deadlines", hasKey("transferBy"))
                .body("deadlines", not(hasKey("verifyBy")));

        act(opened.id(), "accept", null)
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("state", equalTo("ACCEPTED"))
                .body("version", equalTo(1))
                .body("deadlines", hasKey("mediationEndsBy"));
        act(opened.id(), "start", null).statusCode(200).body("state", equalTo("IN_MEDIATION"));
        act(opened.id(), "notes", "{\"text\":\"Called the shop\",\"visibility\":\"INTERNAL\"}")
                .statusCode(200)
                .body("state", equalTo("IN_MEDIATION"))
                .body("version", equalTo(3));
        act(opened.id(), "resolve", """
                {"outcome":"MEDIATION_ENDED","ground":"NO_AGREEMENT_POSSIBLE","note":"The shop refuses any refund"}""")
                .statusCode(200)
                .body("state", equalTo("RESOLVED"))
                .body("outcome", equalTo("MEDIATION_ENDED"))
                .body("outcomeGround", equalTo("NO_AGREEMENT_POSSIBLE"));
        act(opened.id(), "close", null).statusCode(200).body("state", equalTo("CLOSED"));

        events(opened.id())
                .statusCode(200)
                .body(
                        "type",
                        equalTo(List.of(
                                "case.created",
                                "case.assigned",
                                "case.accepted",
                                "case.started",
                                "case.note",
                                "case.resolved",
                                "case.closed")))
                .body("[2].actor", equalTo("dept-nc"))
                .body("[2].actorRole", equalTo("department"))
                .body("[2].departmentCode", equalTo("360100-AMR"))
                .body("[2].fromState", equalTo("ASSIGNED"))
                .body("[2].toState", equalTo("ACCEPTED"))
                .body("[4].visibility", equalTo("INTERNAL"))
                .body("[5].visibility", equalTo("PUBLIC"))
                .body("[5].note", containsString("The shop refuses any refund"));

        List<String> expected = List.of(
                "case.assigned.v1",
                "case.accepted.v1",
                "case.mediation-started.v1",
                "case.resolved.v1",
                "case.closed.v1");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topics.types(opened.complaintId()).size() >= 5);
        assertEquals(expected, topics.types(opened.complaintId()));
        topics.assertAllMatchTheirSchemas(opened.complaintId());
        JsonNode resolved = topics.awaitEvent(opened.complaintId(), "case.resolved.v1");
        assertEventFields(resolved, opened, "RESOLVED");
        assertEquals("MEDIATION_ENDED", resolved.get("outcome").asText());
        assertTrue(resolved.get("publicNote")
                .asText()
                .contains("No agreement".toLowerCase().substring(0, 2)));
        assertTrue(resolved.get("publicNote").asText().contains("The shop refuses any refund"));
    }

    /**
     * A department system that follows DESIGN §10 accepts, then resolves: the resolution starts the work first, and
     * the trail, the events and so the citizen's timeline show both steps. A resolution its rules refuse starts
     * nothing.
     */
    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void anAcceptedCaseIsResolvedAsTheDepartmentApiSaysAndTheStartIsRecorded() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "accept", null).statusCode(200).body("state", equalTo("ACCEPTED"));
        given().get("/api/v1/cases/" + opened.id() + "/actions")
                .then()
                .statusCode(200)
                .body("actions", org.hamcrest.Matchers.hasItems("start", "resolve"));
        act(opened.id(), "resolve", "{\"outcome\":\"MEDIATION_ENDED\"}")
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("ground"));
        get(opened.id()).body("state", equalTo("ACCEPTED"));
        act(opened.id(), "resolve", "{\"outcome\":\"MEDIATED\",\"note\":\"Refunded in full\"}")
                .statusCode(200)
                .body("state", equalTo("RESOLVED"))
                .body("outcome", equalTo("MEDIATED"));
        events(opened.id())
                .statusCode(200)
                .body(
                        "type",
                        equalTo(List.of(
                                "case.created", "case.assigned", "case.accepted", "case.started", "case.resolved")))
                .body("[3].fromState", equalTo("ACCEPTED"))
                .body("[3].toState", equalTo("IN_MEDIATION"))
                .body("[4].fromState", equalTo("IN_MEDIATION"))
                .body("[4].toState", equalTo("RESOLVED"));
        List<String> expected =
                List.of("case.assigned.v1", "case.accepted.v1", "case.mediation-started.v1", "case.resolved.v1");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topics.types(opened.complaintId()).size() >= 4);
        assertEquals(expected, topics.types(opened.complaintId()));
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aReportIsVerifiedOnceExtendedAndSubstantiatedWithItsPenalty() {
        CaseTopics.OpenedCase opened = topics.open("REPORT", "PRODUCT.FOOD", "360100", "case.assigned.v1");
        String verifyBy = get(opened.id())
                .statusCode(200)
                .body("deadlines", not(hasKey("acceptBy")))
                .extract()
                .path("deadlines.verifyBy");
        assertNotNull(verifyBy);

        act(opened.id(), "accept", null).statusCode(200).body("state", equalTo("ACCEPTED"));
        String extended = act(opened.id(), "extend", "{\"reason\":\"Samples are at the laboratory\"}")
                .statusCode(200)
                .body("verificationExtendedAt", notNullValue())
                .extract()
                .path("deadlines.verifyBy");
        // 15 more working days are at least three weeks
        assertTrue(Instant.parse(extended).isAfter(Instant.parse(verifyBy).plus(Duration.ofDays(20))));
        act(opened.id(), "extend", "{\"reason\":\"Once more\"}")
                .statusCode(409)
                .body("allowedActions", not(org.hamcrest.Matchers.hasItem("extend")));
        act(opened.id(), "start", null).statusCode(200).body("state", equalTo("UNDER_INVESTIGATION"));
        act(opened.id(), "resolve", """
                {"outcome":"SUBSTANTIATED","decisionNumber":"洪市监罚〔2026〕88号","finesFen":5000000,
                 "confiscationsFen":0,"note":"Fined and goods confiscated"}""")
                .statusCode(200)
                .body("outcome", equalTo("SUBSTANTIATED"))
                .body("decisionNumber", equalTo("洪市监罚〔2026〕88号"))
                .body("finesFen", equalTo(5000000))
                .body("confiscationsFen", equalTo(0));
        act(opened.id(), "close", null).statusCode(200).body("state", equalTo("CLOSED"));

        events(opened.id())
                .body("find { it.type == 'case.verification-extended' }.note", equalTo("Samples are at the laboratory"))
                .body("find { it.type == 'case.verification-extended' }.visibility", equalTo("INTERNAL"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topics.types(opened.complaintId()).size() >= 5);
        assertEquals(
                List.of(
                        "case.assigned.v1",
                        "case.accepted.v1",
                        "case.investigation-started.v1",
                        "case.resolved.v1",
                        "case.closed.v1"),
                topics.types(opened.complaintId()));
        assertEventFields(topics.awaitEvent(opened.complaintId(), "case.closed.v1"), opened, "CLOSED");
        topics.assertAllMatchTheirSchemas(opened.complaintId());
    }

    @Test
    @TestSecurity(user = "dept-dh", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360102-AMR"))
    void aWronglyRoutedCaseIsTransferredByTheRulesToAnotherDepartment() {
        CaseTopics.OpenedCase opened = topics.open("COMPLAINT", "PRODUCT.FOOD", "360102", "case.assigned.v1");
        act(opened.id(), "transfer", "{\"reason\":\"The shop operates in Xihu, not Donghu\"}")
                .statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("departmentCode", equalTo("360100-AMR"))
                .body("routingRuleId", notNullValue());
        get(opened.id()).statusCode(404);

        JsonNode transferred = topics.awaitEvent(opened.complaintId(), "case.transferred.v1");
        assertEventFields(transferred, opened, "ASSIGNED");
        assertEquals("360100-AMR", transferred.get("departmentCode").asText());
        assertEquals("360102-AMR", transferred.get("previousDepartmentCode").asText());
        assertTrue(transferred.get("publicNote").asText().contains("360100-AMR"));
        assertTrue(!transferred.toString().contains("Xihu"), "the internal reason stays internal");
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSupervisorTransfersToANamedDepartmentAndTheAuditTrailShowsBothSteps() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "accept", null).statusCode(200);
        act(opened.id(), "transfer", "{\"reason\":\"Ganzhou branch\",\"departmentCode\":\"360700-AMR\"}")
                .statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("departmentCode", equalTo("360700-AMR"))
                .body("routingRuleId", nullValue())
                .body("acceptedAt", nullValue())
                .body("deadlines", not(hasKey("mediationEndsBy")));
        events(opened.id())
                .body("find { it.type == 'case.transferred' }.toState", equalTo("TRANSFERRED"))
                .body("find { it.type == 'case.transferred' }.visibility", equalTo("INTERNAL"))
                .body("find { it.type == 'case.rerouted' }.fromState", equalTo("TRANSFERRED"))
                .body("find { it.type == 'case.rerouted' }.toState", equalTo("ASSIGNED"))
                .body("find { it.type == 'case.rerouted' }.actorRole", equalTo("supervisor"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSupervisorAssignsATriagedCaseToAKnownDepartment() {
        CaseTopics.OpenedCase opened = topics.open("COMPLAINT", "PRODUCT.FOOD", "440300", "case.triage-needed.v1");
        act(opened.id(), "assign", "{\"departmentCode\":\"369999-AMR\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("departmentCode"));
        get(opened.id()).body("state", equalTo("NEW")).body("version", equalTo(0));
        act(opened.id(), "assign", "{\"departmentCode\":\"360100-AMR\"}")
                .statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("departmentCode", equalTo("360100-AMR"))
                .body("deadlines", hasKey("transferBy"));
        JsonNode assigned = topics.awaitEvent(opened.complaintId(), "case.assigned.v1");
        assertEquals("360100-AMR", assigned.get("departmentCode").asText());
        assertEquals("ASSIGNED", assigned.get("state").asText());
    }

    private static void assertEventFields(JsonNode data, CaseTopics.OpenedCase opened, String state) {
        assertEquals(opened.id().toString(), data.get("caseId").asText());
        assertEquals(opened.complaintId().toString(), data.get("complaintId").asText());
        assertEquals(opened.trackingNumber(), data.get("trackingNumber").asText());
        assertEquals(state, data.get("state").asText());
        assertNotNull(Instant.parse(data.get("occurredAt").asText()));
        assertTrue(data.has("departmentCode") && data.has("publicNote"));
    }
}
