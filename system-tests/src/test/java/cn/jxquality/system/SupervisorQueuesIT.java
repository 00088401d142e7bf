package cn.jxquality.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * A supervisor works the queues in the browser: a case no rule could place any more (its province-level department
 * transferred it away) is assigned from the triage queue by keyboard; an SMS the gateway refused is found among the
 * failed notifications and sent again once the gateway takes it.
 */
@ExtendWith(RunningSuite.class)
class SupervisorQueuesIT {

    @Test
    void aSupervisorAssignsFromTriageAndSendsAFailedNotificationAgain() {
        String mobile = "1377" + String.format("%07d", System.nanoTime() % 10_000_000);
        StubMapping refusing = refuseTextsTo(mobile);
        String supervisor = Tokens.of("supervisor1");
        String number = submitProvinceWide(mobile);
        String caseId = CaseApi.caseOf(number, supervisor);
        // the province's regulator hands it on; no other rule fits a province-wide business: triage
        CaseApi.act(supervisor, caseId, "transfer", Map.of("reason", "请省局指定承办的设区市局。"));
        assertEquals("NEW", CaseApi.state(supervisor, caseId));
        String failed = await().atMost(CaseApi.ASYNC).until(() -> failedSms(supervisor, number), id -> id != null);

        try (Chromium browser = Chromium.desktop("zh-CN")) {
            browser.signIn("supervisor1");
            browser.open("/console/queues/triage");
            browser.waitForText(number);
            browser.assertAccessible("triage queue");
            browser.screenshot("console-triage");
            browser.tabTo("department-" + number);
            browser.choose("360100-AMR");
            browser.tabTo("assign-" + number);
            browser.type(Keys.ENTER);
            browser.waitForText(number + " 已分派");
            given().auth()
                    .oauth2(supervisor)
                    .get(RunningSuite.CASES + "/api/v1/cases/" + caseId)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("ASSIGNED"))
                    .body("departmentCode", equalTo("360100-AMR"));

            browser.open("/console/queues/escalations");
            browser.waitForText("督办");
            browser.assertAccessible("escalations");
            browser.screenshot("console-escalations");

            browser.open("/console/queues/notifications?trackingNumber=" + number);
            browser.waitForText("告知群众：已登记（回执）");
            browser.assertAccessible("failed notifications");
            browser.screenshot("console-failed-notifications");
            RunningSuite.smsGateway().removeStub(refusing);
            browser.find("#resend-" + failed).click();
            browser.waitForText("已重新排队发送");
        }
        await().atMost(CaseApi.ASYNC)
                .until(
                        () -> given().auth()
                                .oauth2(supervisor)
                                .queryParam("trackingNumber", number)
                                .get(RunningSuite.NOTIFICATIONS + "/api/v1/notifications")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items.find { it.id == '" + failed + "' }.status"),
                        "SENT"::equals);
        await().atMost(CaseApi.ASYNC).until(() -> !RunningSuite.textsTo(mobile).isEmpty());
    }

    @Test
    void aSupervisorSendsEveryFailedSmsAgainAtOnceAndFollowsTheBatch() {
        String mobile = "1376" + String.format("%07d", System.nanoTime() % 10_000_000);
        StubMapping refusing = refuseTextsTo(mobile);
        String supervisor = Tokens.of("supervisor1");
        Map<String, Object> complaint = new HashMap<>(WalkingSkeletonIT.webComplaint());
        complaint.put("person", Map.of("name", "吴九", "mobile", mobile));
        String number = given().contentType(ContentType.JSON)
                .body(complaint)
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
        await().atMost(CaseApi.ASYNC).until(() -> failedSms(supervisor, number) != null);
        RunningSuite.smsGateway().removeStub(refusing);

        try (Chromium browser = Chromium.desktop("zh-CN")) {
            browser.signIn("supervisor1");
            browser.open("/console/queues/notifications");
            browser.waitForText("全部重新发送");
            browser.tabTo("channel");
            browser.choose("SMS");
            browser.tabTo("resend-all");
            browser.type(Keys.ENTER);
            browser.waitForText("批量重新发送");
            browser.waitForText("supervisor1 于");
            browser.assertAccessible("bulk re-send");
            browser.screenshot("console-bulk-resend");
            // leave and come back: the notifications page lists the batch
            browser.open("/console/queues/notifications");
            browser.waitForText("最近的批量重新发送");
        }
        await().atMost(CaseApi.ASYNC).until(() -> !RunningSuite.textsTo(mobile).isEmpty());
        assertEquals(null, failedSms(supervisor, number), "still failed after the bulk re-send");
    }

    /** The SMS gateway sandbox refuses every text to {@code mobile} for good (400) until the stub is removed. */
    private static StubMapping refuseTextsTo(String mobile) {
        return RunningSuite.smsGateway()
                .stubFor(post(urlEqualTo("/sms/send"))
                        .withRequestBody(containing(mobile))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid number\"}")));
    }

    /** The id of the complaint's failed receipt SMS, or null. */
    private static String failedSms(String supervisor, String number) {
        return given().auth()
                .oauth2(supervisor)
                .queryParam("trackingNumber", number)
                .queryParam("status", "FAILED")
                .get(RunningSuite.NOTIFICATIONS + "/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.eventType == 'complaint.received.v1' }.id");
    }

    /** A complaint about a business operating province-wide (region 360000): only the province's rule fits it. */
    private static String submitProvinceWide(String mobile) {
        Map<String, Object> complaint = new HashMap<>(WalkingSkeletonIT.webComplaint());
        complaint.put("subject", Map.of("name", "江西某连锁超市" + System.nanoTime() % 100_000, "regionCode", "360000"));
        complaint.put("person", Map.of("name", "周八", "mobile", mobile));
        return given().contentType(ContentType.JSON)
                .body(complaint)
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
    }
}
