package cn.jxquality.complaint.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.CaseServiceStubs;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An auditor reads who saw a complaint's person, its case's trail and its rewards' journals with the reporter's
 * viewers; nothing on the page changes anything, and the person themself never appears.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class AuditConsoleTest {

    @Test
    void anOperatorsViewAndTheTrailsOfCaseServiceAreShownToTheAuditor() {
        OtherServices.wireMock().resetAll();
        String number = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
        UUID caseId = UUID.randomUUID();
        UUID reward = UUID.randomUUID();
        CaseServiceStubs.openCase(caseId, number, "ASSIGNED", 2, "\"accept\"");
        CaseServiceStubs.reward(
                reward,
                caseId,
                number,
                CaseServiceStubs.rewardJson(reward, caseId, number, "NOTIFIED", "approver1", false, ""));
        Response viewed = Browser.chinese()
                .as("operator1")
                .submit(
                        "/console/complaints/" + number,
                        "/console/complaints/" + number + "/identity",
                        Map.of("reason", "来电人询问进度，核实身份"));
        assertEquals(200, viewed.statusCode());

        String recent = Browser.chinese()
                .as("auditor1")
                .get("/console/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(recent, containsString(number));
        assertThat(recent, containsString("来电人询问进度，核实身份"));

        String trail = Browser.chinese()
                .as("auditor1")
                .get("/console/audit?trackingNumber=" + number.toLowerCase())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(trail, containsString("工作人员查看"));
        assertThat(trail, containsString("operator1"));
        assertThat(trail, containsString("reward.proposed"));
        assertThat(trail, containsString("reward-identity-views"));
        assertThat(trail, containsString("approver1"));
        assertThat(trail, not(containsString("张三")));
        assertThat(trail, not(containsString("13800138000")));
    }
}
