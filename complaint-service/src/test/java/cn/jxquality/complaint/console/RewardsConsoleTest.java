package cn.jxquality.complaint.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.CaseServiceStubs;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reward desk: reviewers propose for the reports waiting, approvers and finance decide at the version shown (never
 * on their own proposal), finance pays, and the reporter's identity is shown only after an explicit view. case-service
 * is WireMock here; it decides, the console relays with the user's token and says what happened.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class RewardsConsoleTest {

    static final UUID REWARD = UUID.fromString("0b4a8b00-0000-4000-8000-0000000000b1");
    static final UUID CASE = UUID.fromString("0b4a8b00-0000-4000-8000-0000000000c1");
    static final String NUMBER = "JX20261201000007";

    @BeforeEach
    void aProposedReward() {
        OtherServices.wireMock().resetAll();
        CaseServiceStubs.reward(
                REWARD,
                CASE,
                NUMBER,
                CaseServiceStubs.rewardJson(REWARD, CASE, NUMBER, "PROPOSED", null, false, "\"APPROVE\",\"REJECT\""));
    }

    @Test
    void aFullPageOfRewardsLinksToTheNextFromItsLastOne() {
        List<String> page = new java.util.ArrayList<>();
        UUID last = null;
        for (int i = 0; i < RewardsConsole.PAGE_SIZE; i++) {
            last = UUID.randomUUID();
            page.add(CaseServiceStubs.rewardJson(last, CASE, NUMBER, "PROPOSED", null, false, ""));
        }
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/rewards"))
                        .willReturn(CaseServiceStubs.json(200, "[" + String.join(",", page) + "]")));
        Browser approver = Browser.chinese().as("approver1");
        String first = approver.get("/console/rewards?state=PROPOSED").asString();
        String before = "2026-12-01T02:00:00Z|" + last;
        String next = "/console/rewards?state=PROPOSED&amp;before="
                + java.net.URLEncoder.encode(before, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(first, containsString("id=\"rewards-next\" href=\"" + next + "\""));
        // following the link as a browser would: the cursor decoded once
        assertEquals(
                200,
                approver.request()
                        .queryParam("state", "PROPOSED")
                        .queryParam("before", before)
                        .get("/console/rewards")
                        .statusCode());
        OtherServices.wireMock()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/rewards"))
                        .withQueryParam("state", equalTo("PROPOSED"))
                        .withQueryParam("before", equalTo(before))
                        .withQueryParam("limit", equalTo(String.valueOf(RewardsConsole.PAGE_SIZE))));
    }

    @Test
    void theListAndTheCandidatesShowWhatCaseServiceAnswersTheUser() {
        String list = Browser.chinese()
                .as("approver1")
                .get("/console/rewards?state=PROPOSED")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list, containsString(NUMBER));
        assertThat(list, containsString("¥10,000.00"));
        assertThat(list, containsString("待审批"));
        OtherServices.wireMock()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/rewards"))
                        .withQueryParam("state", equalTo("PROPOSED"))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("approver1"))));

        String forReviewer = Browser.chinese()
                .as("reviewer1")
                .get("/console/rewards/candidates")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(forReviewer, containsString("洪市监罚〔2026〕7号"));
        assertThat(forReviewer, containsString("¥200,000.00"));
        assertThat(forReviewer, containsString("/console/rewards/propose/" + CASE));
        String forApprover = Browser.chinese()
                .as("approver1")
                .get("/console/rewards/candidates")
                .asString();
        assertThat(forApprover, not(containsString("/console/rewards/propose/")));
    }

    @Test
    void aProposalGoesToCaseServiceWhichComputesTheAmount() {
        OtherServices.wireMock()
                .stubFor(post(urlEqualTo("/api/v1/rewards"))
                        .willReturn(CaseServiceStubs.json(
                                201,
                                CaseServiceStubs.rewardJson(
                                        REWARD, CASE, NUMBER, "PROPOSED", null, false, "\"APPROVE\",\"REJECT\""))));
        Browser reviewer = Browser.chinese().as("reviewer1");
        String form = reviewer.get("/console/rewards/propose/" + CASE)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(form, containsString("一级：提供被举报方的详细违法事实及直接证据"));
        assertThat(form, containsString("南昌某某食品有限公司"));

        Response missing = reviewer.submit(
                "/console/rewards/propose/" + CASE,
                "/console/rewards/propose/" + CASE,
                Map.of("naturalPerson", "true"));
        assertEquals(400, missing.statusCode());
        assertThat(missing.asString(), containsString("href=\"#level\""));
        OtherServices.wireMock().verify(0, postRequestedFor(urlEqualTo("/api/v1/rewards")));

        Response proposed = reviewer.submit(
                "/console/rewards/propose/" + CASE,
                "/console/rewards/propose/" + CASE,
                Map.of("level", "1", "naturalPerson", "true", "insider", "true", "note", "举报内容详实，直接证据充分。"));
        assertEquals(303, proposed.statusCode(), proposed.asString());
        assertThat(proposed.header("Location"), containsString("/console/rewards/" + REWARD + "?done=propose"));
        OtherServices.wireMock()
                .verify(postRequestedFor(urlEqualTo("/api/v1/rewards"))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("reviewer1")))
                        .withRequestBody(matchingJsonPath("$.caseId", equalTo(CASE.toString())))
                        .withRequestBody(matchingJsonPath("$.level", equalTo("1")))
                        .withRequestBody(matchingJsonPath("$.insider", equalTo("true")))
                        .withRequestBody(matchingJsonPath("$.naturalPerson", equalTo("true")))
                        .withRequestBody(matchingJsonPath("$.exclusions.size()", equalTo("0"))));
        assertThat(reviewer.get(proposed.header("Location")).asString(), containsString("奖励已提议"));

        OtherServices.wireMock()
                .stubFor(post(urlEqualTo("/api/v1/rewards")).willReturn(CaseServiceStubs.json(409, """
                                {"type":"https://jxquality.cn/problems/reward-first-reporter-undecided",
                                 "title":"First reporter not known yet","status":409}""")));
        Response waiting = reviewer.submit(
                "/console/rewards/propose/" + CASE,
                "/console/rewards/propose/" + CASE,
                Map.of("level", "2", "naturalPerson", "true"));
        assertEquals(409, waiting.statusCode());
        assertThat(waiting.asString(), containsString("首位举报人确定前不能提议"));
        assertThat(waiting.asString(), containsString("value=\"2\" checked"));
    }

    @Test
    void theProposerIsOfferedNoDecisionAndCannotForgeOne() {
        Browser reviewer = Browser.chinese().as("reviewer1");
        String page = reviewer.get("/console/rewards/" + REWARD)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page, containsString("¥10,000.00"));
        assertThat(page, containsString("您是此奖励的提议人"));
        assertThat(page, not(containsString("id=\"do-approve\"")));
        Response forged = reviewer.submit(
                "/console/rewards/" + REWARD, "/console/rewards/" + REWARD + "/approve", Map.of("version", "1"));
        assertEquals(403, forged.statusCode());
        OtherServices.wireMock().verify(0, postRequestedFor(urlEqualTo("/api/v1/rewards/" + REWARD + "/approve")));
    }

    @Test
    void anApproverDecidesAtTheVersionShownAndIsToldWhenFourEyesRefuse() {
        Browser approver = Browser.chinese().as("approver1");
        assertThat(approver.get("/console/rewards/" + REWARD).asString(), containsString("id=\"do-approve\""));
        CaseServiceStubs.rewardAnswer(
                REWARD,
                "approve",
                200,
                CaseServiceStubs.rewardJson(REWARD, CASE, NUMBER, "NOTIFIED", "approver1", false, ""));
        Response approved = approver.submit(
                "/console/rewards/" + REWARD, "/console/rewards/" + REWARD + "/approve", Map.of("version", "1"));
        assertEquals(303, approved.statusCode(), approved.asString());
        OtherServices.wireMock()
                .verify(postRequestedFor(urlEqualTo("/api/v1/rewards/" + REWARD + "/approve"))
                        .withHeader("If-Match", equalTo("\"1\""))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("approver1"))));

        CaseServiceStubs.rewardAnswer(REWARD, "approve", 403, """
                {"type":"https://jxquality.cn/problems/four-eyes","title":"Forbidden","status":403}""");
        Response refused = approver.submit(
                "/console/rewards/" + REWARD, "/console/rewards/" + REWARD + "/approve", Map.of("version", "1"));
        assertEquals(403, refused.statusCode());
        assertThat(refused.asString(), containsString("按四眼原则"));

        Response noReason = approver.submit(
                "/console/rewards/" + REWARD, "/console/rewards/" + REWARD + "/reject", Map.of("version", "1"));
        assertEquals(400, noReason.statusCode());
        assertThat(noReason.asString(), containsString("href=\"#reason\""));
    }

    @Test
    void financeApprovesALargeOneAfterTheApproverAndPaysOnlyWhenTheGatewayConfirms() {
        CaseServiceStubs.reward(
                REWARD,
                CASE,
                NUMBER,
                CaseServiceStubs.rewardJson(
                        REWARD, CASE, NUMBER, "PROPOSED", "approver1", true, "\"APPROVE_AS_FINANCE\",\"REJECT\""));
        String forFinance = Browser.chinese()
                .as("finance1")
                .get("/console/rewards/" + REWARD)
                .asString();
        assertThat(forFinance, containsString("财务审批通过"));
        String forApprover = Browser.chinese()
                .as("approver1")
                .get("/console/rewards/" + REWARD)
                .asString();
        assertThat(forApprover, not(containsString("id=\"do-approve\"")));

        CaseServiceStubs.reward(
                REWARD,
                CASE,
                NUMBER,
                CaseServiceStubs.rewardJson(REWARD, CASE, NUMBER, "CLAIMED", "approver1", false, "\"PAY\""));
        CaseServiceStubs.rewardAnswer(REWARD, "payout", 503, """
                {"type":"https://jxquality.cn/problems/payout-unconfirmed","title":"Unavailable","status":503}""");
        Browser finance = Browser.chinese().as("finance1");
        Response unconfirmed = finance.submit(
                "/console/rewards/" + REWARD, "/console/rewards/" + REWARD + "/payout", Map.of("version", "1"));
        assertEquals(503, unconfirmed.statusCode());
        assertThat(unconfirmed.asString(), containsString("不会重复支付"));
    }

    @Test
    void theReportersIdentityIsShownOnlyAfterTheViewAndNeverCached() {
        Browser approver = Browser.chinese().as("approver1");
        String page = approver.get("/console/rewards/" + REWARD).asString();
        assertThat(page, not(containsString("王五")));
        assertThat(page, containsString("id=\"reveal\""));
        OtherServices.wireMock()
                .verify(0, getRequestedFor(urlEqualTo("/api/v1/rewards/" + REWARD + "/reporter-identity")));

        Response shown =
                approver.submit("/console/rewards/" + REWARD, "/console/rewards/" + REWARD + "/identity", Map.of());
        assertEquals(200, shown.statusCode());
        assertThat(shown.asString(), containsString("王五"));
        assertThat(shown.asString(), containsString("11010519491231002X"));
        assertThat(shown.asString(), containsString("此次查看已记入审计日志"));
        assertEquals("no-store", shown.header("Cache-Control"));
        OtherServices.wireMock()
                .verify(getRequestedFor(urlEqualTo("/api/v1/rewards/" + REWARD + "/reporter-identity"))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("approver1"))));

        String english = Browser.english()
                .as("approver1")
                .get("/console/rewards/" + REWARD)
                .asString();
        assertThat(english, containsString("Show the reporter"));
    }
}
