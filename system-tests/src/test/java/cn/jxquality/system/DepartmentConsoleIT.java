package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * A county office without a system of its own works its case in the browser: the worklist, accept, start, resolve;
 * a second tab that went stale is told so and shown the case as it now is; another department's case is not there.
 */
@ExtendWith(RunningSuite.class)
class DepartmentConsoleIT {

    @Test
    void aDepartmentAcceptsAndResolvesInTheBrowserAndAStaleTabIsToldSo() {
        String ours = submit("360100");
        String theirs = submit("360700");
        String supervisor = Tokens.of("supervisor1");
        String caseId = CaseApi.caseOf(ours, supervisor);
        String otherCase = CaseApi.caseOf(theirs, supervisor);

        try (Chromium browser = Chromium.desktop("zh-CN")) {
            browser.signIn("dept-nc-amr");
            browser.open("/console/cases?state=ASSIGNED");
            browser.waitForText(ours);
            assertThat(browser.text("[data-testid=worklist]"), not(containsString(theirs)));
            browser.assertAccessible("worklist");
            browser.screenshot("console-worklist");

            browser.open("/console/cases/" + caseId);
            String first = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.TAB);
            browser.open("/console/cases/" + caseId);
            String stale = browser.driver.getWindowHandle();

            browser.driver.switchTo().window(first);
            browser.find("#do-accept").click();
            browser.waitForText("已受理。");
            assertEquals("已受理", browser.text("[data-testid=case-state]"));

            browser.driver.switchTo().window(stale);
            browser.find("#do-accept").click();
            browser.waitForText("此件刚刚被他人更新，您的操作没有执行");
            assertEquals("已受理", browser.text("[data-testid=case-state]"));
            browser.screenshot("console-case-stale");

            browser.driver.switchTo().window(first);
            browser.find("#do-start").click();
            browser.waitForText("已开始调解或核查。");
            new Select(browser.find("#resolve-outcome")).selectByValue("MEDIATED");
            browser.find("#resolve-note").sendKeys("经调解，商家同意退货退款。");
            browser.assertAccessible("case page");
            browser.screenshot("console-case");
            browser.find("#do-resolve").click();
            browser.waitForText("已办结。");
            assertEquals("已办结", browser.text("[data-testid=case-state]"));

            browser.open("/console/cases/" + otherCase);
            browser.waitForText("找不到该页面");
            for (String notForDepartments : java.util.List.of(
                    "/console/search",
                    "/console/dashboard",
                    "/console/queues/triage",
                    "/console/rewards",
                    "/console/rewards/candidates",
                    "/console/audit",
                    "/console/exports")) {
                browser.open(notForDepartments);
                browser.waitForText("无权访问此页面");
            }
        }
        given().auth()
                .oauth2(supervisor)
                .get(RunningSuite.CASES + "/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("RESOLVED"))
                .body("outcome", org.hamcrest.Matchers.equalTo("MEDIATED"));
    }

    private static String submit(String region) {
        Map<String, Object> complaint = new HashMap<>(WalkingSkeletonIT.webComplaint());
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = new HashMap<>((Map<String, Object>) complaint.get("subject"));
        subject.put("regionCode", region);
        subject.remove("creditCode");
        subject.put("name", "办件测试商店" + region + System.nanoTime() % 100_000);
        complaint.put("subject", subject);
        return given().contentType(ContentType.JSON)
                .body(complaint)
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
    }
}
