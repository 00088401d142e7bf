package cn.jxquality.complaint.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.CaseServiceStubs;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A department works its case in the browser: the worklist, the case with the complaint's facts (never the person)
 * and the actions case-service offers, each relayed with the user's token and the version the page showed.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class CaseConsoleTest {

    private String trackingNumber;
    private UUID caseId;

    @BeforeEach
    void aCase() {
        OtherServices.wireMock().resetAll();
        trackingNumber = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
        caseId = UUID.randomUUID();
        CaseServiceStubs.openCase(
                caseId, trackingNumber, "ASSIGNED", 2, "\"accept\",\"refuse\",\"transfer\",\"notes\"");
    }

    @Test
    void theWorklistAndTheCaseShowWhatCaseServiceShowsTheDepartment() {
        Browser department = Browser.chinese().as("dept-nc-amr");
        String list = department
                .get("/console/cases?overdue=true")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list, containsString(trackingNumber));
        assertThat(list, containsString("受理期限"));
        OtherServices.wireMock()
                .verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/cases"))
                        .withQueryParam("overdue", equalTo("true"))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("dept-nc-amr"))));

        String page = department
                .get("/console/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page, containsString("购买的电热水器三天后漏电"));
        assertThat(page, containsString("id=\"do-accept\""));
        assertThat(page, containsString("id=\"do-refuse\""));
        assertThat(page, not(containsString("id=\"do-resolve\"")));
        assertThat(page, containsString("name=\"version\" value=\"2\""));
        assertThat(page, not(containsString("张三")));
        assertThat(page, not(containsString("zhangsan@example.org")));
    }

    @Test
    void anActionGoesToCaseServiceWithTheVersionThePageShowed() {
        CaseServiceStubs.answer(
                caseId, "refuse", 200, CaseServiceStubs.caseJson(caseId, trackingNumber, "NOT_ACCEPTED", 3));
        Browser department = Browser.chinese().as("dept-nc-amr");
        Response done = department.submit(
                "/console/cases/" + caseId,
                "/console/cases/" + caseId + "/refuse",
                Map.of("version", "2", "ground", "OVER_THREE_YEARS", "note", "已超过三年"));
        assertEquals(303, done.statusCode(), done.asString());
        assertThat(done.header("Location"), containsString("/console/cases/" + caseId + "?done=refuse"));
        OtherServices.wireMock()
                .verify(postRequestedFor(urlEqualTo("/api/v1/cases/" + caseId + "/refuse"))
                        .withHeader("If-Match", equalTo("\"2\""))
                        .withRequestBody(matchingJsonPath("$.ground", equalTo("OVER_THREE_YEARS")))
                        .withRequestBody(matchingJsonPath("$.note", equalTo("已超过三年"))));
        assertThat(department.get(done.header("Location")).asString(), containsString("已决定不予受理"));
    }

    @Test
    void aStalePageIsToldSoAndShownTheCaseAsItIsNow() {
        CaseServiceStubs.answer(caseId, "accept", 412, """
                {"type":"https://jxquality.cn/problems/stale","title":"Precondition failed","status":412}""");
        Response stale = Browser.chinese()
                .as("dept-nc-amr")
                .submit("/console/cases/" + caseId, "/console/cases/" + caseId + "/accept", Map.of("version", "1"));
        assertEquals(412, stale.statusCode());
        assertThat(stale.asString(), containsString("此件刚刚被他人更新，您的操作没有执行"));
        assertThat(stale.asString(), containsString("name=\"version\" value=\"2\""));
    }

    @Test
    void whatCaseServiceRefusesIsShownAndACaseTheUserMayNotSeeIsNotFound() {
        CaseServiceStubs.answer(caseId, "transfer", 400, """
                {"type":"https://jxquality.cn/problems/invalid-input","title":"Invalid input","status":400,
                 "violations":[{"field":"reason","message":"is required"}]}""");
        Response invalid = Browser.english()
                .as("dept-nc-amr")
                .submit("/console/cases/" + caseId, "/console/cases/" + caseId + "/transfer", Map.of("version", "2"));
        assertEquals(400, invalid.statusCode());
        assertThat(invalid.asString(), containsString("Please fill this in."));

        Response unknown = Browser.chinese().as("dept-nc-amr").get("/console/cases/" + UUID.randomUUID());
        assertEquals(404, unknown.statusCode());
        assertThat(unknown.asString(), containsString("找不到该页面"));

        Response noSuchAction = Browser.chinese()
                .as("dept-nc-amr")
                .submit("/console/cases/" + caseId, "/console/cases/" + caseId + "/delete", Map.of("version", "2"));
        assertEquals(404, noSuchAction.statusCode());
    }
}
