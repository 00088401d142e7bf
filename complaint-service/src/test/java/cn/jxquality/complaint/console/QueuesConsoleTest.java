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
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.CaseServiceStubs;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's queues: cases routing could not place, assigned from the list at the version it showed; open
 * escalations; failed notifications sent again. case-service and notify-service are WireMock here.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class QueuesConsoleTest {

    static final UUID CASE = UUID.fromString("0b4a8b00-0000-4000-8000-000000000001");
    static final UUID NOTIFICATION = UUID.fromString("0b4a8b00-0000-4000-8000-0000000000aa");
    static final String NUMBER = "JX20261206000123";

    @BeforeEach
    void queues() {
        OtherServices.wireMock().resetAll();
        String waiting = CaseServiceStubs.caseJson(CASE, NUMBER, "NEW", 1).replace("\"360100\"", "\"360702\"");
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/cases"))
                        .withQueryParam("state", equalTo("NEW"))
                        .willReturn(CaseServiceStubs.json(200, "{\"items\":[" + waiting + "],\"next\":null}")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/escalations"))
                        .willReturn(CaseServiceStubs.json(200, """
                                [{"id":"%s","caseId":"%s","trackingNumber":"%s","deadline":"acceptBy",
                                  "departmentCode":"360700-AMR","openedAt":"2026-11-20T01:00:00Z",
                                  "dueAt":"2026-11-27T15:59:59Z","closedAt":null,"overdueAt":"2026-11-28T00:00:00Z"}]""".formatted(UUID.randomUUID(), CASE, NUMBER))));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                        .willReturn(CaseServiceStubs.json(200, """
                                {"items":[{"id":"%s","eventType":"case.accepted.v1","trackingNumber":"%s",
                                  "channel":"SMS","recipient":"138****0000","recipientKind":"CITIZEN",
                                  "template":"case-accepted","language":"zh-CN","status":"FAILED","attempts":8,
                                  "lastError":"gateway answered 500","createdAt":"2026-12-01T02:00:00Z",
                                  "sentAt":null}],"next":null}""".formatted(NOTIFICATION, NUMBER))));
    }

    @Test
    void theTriageQueueSuggestsTheCitysRegulatorAndAssignsAtTheVersionShown() {
        Browser supervisor = Browser.chinese().as("supervisor1");
        String queue = supervisor
                .get("/console/queues/triage")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(queue, containsString(NUMBER));
        assertThat(queue, containsString("赣州市 章贡区"));
        // a case in Ganzhou's Zhanggong district: Ganzhou's market regulator is chosen for the supervisor
        assertThat(queue.replaceAll("\\s+", " "), matchesPattern("(?s).*<option value=\"360700-AMR\" selected>.*"));
        assertThat(queue, containsString("name=\"version\" value=\"1\""));
        OtherServices.wireMock()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/cases"))
                        .withQueryParam("state", equalTo("NEW"))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("supervisor1"))));

        CaseServiceStubs.answer(CASE, "assign", 200, CaseServiceStubs.caseJson(CASE, NUMBER, "ASSIGNED", 2));
        Response assigned = supervisor.submit(
                "/console/queues/triage",
                "/console/queues/triage/" + CASE,
                Map.of("version", "1", "departmentCode", "360700-AMR"));
        assertEquals(303, assigned.statusCode(), assigned.asString());
        assertThat(assigned.header("Location"), containsString("/console/queues/triage?assigned=" + NUMBER));
        OtherServices.wireMock()
                .verify(postRequestedFor(urlEqualTo("/api/v1/cases/" + CASE + "/assign"))
                        .withHeader("If-Match", equalTo("\"1\""))
                        .withRequestBody(matchingJsonPath("$.departmentCode", equalTo("360700-AMR"))));
        assertThat(supervisor.get(assigned.header("Location")).asString(), containsString(NUMBER + " 已分派"));
    }

    @Test
    void anAssignmentWithoutADepartmentOrOnAStaleListIsRefusedAndSaysWhy() {
        Browser supervisor = Browser.english().as("supervisor1");
        Response missing = supervisor.submit(
                "/console/queues/triage",
                "/console/queues/triage/" + CASE,
                Map.of("version", "1", "departmentCode", ""));
        assertEquals(400, missing.statusCode());
        assertThat(missing.asString(), containsString("aria-invalid=\"true\""));
        OtherServices.wireMock().verify(0, postRequestedFor(urlEqualTo("/api/v1/cases/" + CASE + "/assign")));

        CaseServiceStubs.answer(CASE, "assign", 412, """
                {"type":"https://jxquality.cn/problems/stale","title":"Precondition failed","status":412}""");
        Response stale = supervisor.submit(
                "/console/queues/triage",
                "/console/queues/triage/" + CASE,
                Map.of("version", "1", "departmentCode", "360700-AMR"));
        assertEquals(412, stale.statusCode());
        assertThat(stale.asString(), containsString("Someone changed this case a moment ago"));

        CaseServiceStubs.answer(CASE, "assign", 409, """
                {"type":"https://jxquality.cn/problems/invalid-transition","title":"Conflict","status":409}""");
        Response taken = supervisor.submit(
                "/console/queues/triage",
                "/console/queues/triage/" + CASE,
                Map.of("version", "1", "departmentCode", "360700-AMR"));
        assertEquals(409, taken.statusCode());
        assertThat(taken.asString(), containsString("no longer waiting to be assigned"));
    }

    @Test
    void escalationsShowTheirOwnDeadlineAndWhetherItPassed() {
        String page = Browser.chinese()
                .as("supervisor1")
                .get("/console/queues/escalations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page, containsString("/console/cases/" + CASE));
        assertThat(page, containsString("赣州市市场监督管理局"));
        assertThat(page, containsString("受理期限"));
        assertThat(page, containsString("督办逾期"));
    }

    @Test
    void aFailedNotificationIsSentAgainOnceAndOneNoLongerFailedIsLeftAlone() {
        Browser supervisor = Browser.chinese().as("supervisor1");
        String queue = supervisor
                .get("/console/queues/notifications")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(queue, containsString("138****0000"));
        assertThat(queue, containsString("gateway answered 500"));
        assertThat(queue, containsString("短信"));
        OtherServices.wireMock()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/notifications"))
                        .withQueryParam("status", equalTo("FAILED"))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("supervisor1"))));

        OtherServices.wireMock()
                .stubFor(post(urlEqualTo("/api/v1/notifications/" + NOTIFICATION + "/resend"))
                        .willReturn(CaseServiceStubs.json(
                                202, "{\"id\":\"" + NOTIFICATION + "\",\"status\":\"PENDING\"}")));
        Response resent = supervisor.submit(
                "/console/queues/notifications", "/console/queues/notifications/" + NOTIFICATION + "/resend", Map.of());
        assertEquals(303, resent.statusCode(), resent.asString());
        assertThat(supervisor.get(resent.header("Location")).asString(), containsString("已重新排队发送"));
        OtherServices.wireMock()
                .verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications/" + NOTIFICATION + "/resend")));

        OtherServices.wireMock()
                .stubFor(post(urlEqualTo("/api/v1/notifications/" + NOTIFICATION + "/resend"))
                        .willReturn(CaseServiceStubs.json(409, """
                                {"type":"https://jxquality.cn/problems/not-failed","title":"Conflict","status":409}""")));
        Response again = supervisor.submit(
                "/console/queues/notifications", "/console/queues/notifications/" + NOTIFICATION + "/resend", Map.of());
        assertEquals(409, again.statusCode());
        assertThat(again.asString(), containsString("没有重复发送"));
    }

    @Test
    void allFailedNotificationsAreSentAgainAtOnceAndTheBatchShowsItsProgress() {
        UUID batch = UUID.randomUUID();
        String running = """
                {"id":"%s","requestedBy":"supervisor1","requestedAt":"2026-12-06T02:00:00Z","channel":"SMS","total":40,
                 "byStatus":{"SENT":30,"PENDING":9,"FAILED":1}}""".formatted(batch);
        OtherServices.wireMock()
                .stubFor(post(urlPathEqualTo("/api/v1/notifications/resend-batches"))
                        .willReturn(CaseServiceStubs.json(201, running)));
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/notifications/resend-batches/" + batch))
                        .willReturn(CaseServiceStubs.json(200, running)));
        Browser supervisor = Browser.chinese().as("supervisor1");
        assertThat(supervisor.get("/console/queues/notifications").asString(), containsString("id=\"resend-all\""));

        Response wrong = supervisor.submit(
                "/console/queues/notifications",
                "/console/queues/notifications/resend-all",
                Map.of("channel", "PIGEON"));
        assertEquals(400, wrong.statusCode());
        OtherServices.wireMock().verify(0, postRequestedFor(urlPathEqualTo("/api/v1/notifications/resend-batches")));

        Response started = supervisor.submit(
                "/console/queues/notifications", "/console/queues/notifications/resend-all", Map.of("channel", "SMS"));
        assertEquals(303, started.statusCode(), started.asString());
        assertThat(started.header("Location"), containsString("/console/queues/resends/" + batch));
        OtherServices.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/api/v1/notifications/resend-batches"))
                                .withQueryParam("channel", equalTo("SMS"))
                                .withHeader("Authorization", equalTo("Bearer " + Tokens.of("supervisor1"))));
        String progress = supervisor.get("/console/queues/resends/" + batch).asString();
        assertThat(progress, containsString("已有结果 31 条，共 40 条。"));
        assertThat(progress, containsString("已发出 30 条，等待发送 9 条，再次失败 1 条。"));
        assertThat(progress, containsString("hx-trigger=\"every 2s\""));

        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/notifications/resend-batches/" + batch))
                        .willReturn(CaseServiceStubs.json(
                                200, running.replace("\"SENT\":30,\"PENDING\":9", "\"SENT\":39"))));
        String settled = supervisor.get("/console/queues/resends/" + batch).asString();
        assertThat(settled, containsString("这一批都已有结果"));
        assertThat(settled, not(containsString("hx-trigger")));

        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/notifications/resend-batches/" + UUID.randomUUID()))
                        .willReturn(CaseServiceStubs.json(404, "{\"status\":404}")));
        assertEquals(
                404,
                supervisor.get("/console/queues/resends/" + UUID.randomUUID()).statusCode());
    }

    @Test
    void theQueuesAnswerUnavailableWhenTheOtherServiceDoesNot() {
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                        .willReturn(CaseServiceStubs.json(500, "{\"status\":500}")));
        Response down = Browser.chinese().as("supervisor1").get("/console/queues/notifications");
        assertEquals(503, down.statusCode());
        assertThat(down.asString(), containsString("暂时无法读取"));
        assertThat(down.asString(), not(containsString("138****0000")));
    }
}
