package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.in;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The reward desk in the browser, on the packaged services: the reviewer proposes from the candidates and is offered
 * no decision on their own proposal (and a forged one is refused); the approver reveals the reporter's identity, which
 * is audited, and approves; a large reward needs finance after the approver; the auditor reads all of it on
 * {@code /console/audit}.
 */
@ExtendWith(RunningSuite.class)
class RewardConsoleIT {

    @Test
    void rewardStaffDoTheirFourEyesWorkAndTheAuditorSeesIt() {
        String supervisor = Tokens.of("supervisor1");
        String number = report();
        CaseApi.substantiated(number, supervisor, "洪市监罚〔2026〕C", RewardJourneyIT.FINES_FEN);

        String rewardUrl;
        try (Chromium reviewer = Chromium.desktop("zh-CN")) {
            reviewer.signIn("reviewer1");
            reviewer.open("/console/rewards/candidates");
            reviewer.waitForText(number);
            reviewer.assertAccessible("reward candidates");
            reviewer.screenshot("console-reward-candidates");
            reviewer.find("#propose-" + number).click();
            reviewer.waitForText("为 " + number + " 提议奖励");
            reviewer.tabTo("level");
            reviewer.type(Keys.SPACE);
            reviewer.find("#note").sendKeys("举报内容详实，直接证据充分。");
            reviewer.assertAccessible("reward proposal");
            reviewer.tabTo("propose");
            reviewer.type(Keys.ENTER);
            reviewer.waitForText("奖励已提议");
            reviewer.waitForText("您是此奖励的提议人");
            assertTrue(reviewer.find("[data-testid=reward-state]").getText().contains("待审批"));
            assertTrue(reviewer.driver.findElements(By.id("do-approve")).isEmpty(), "the proposer is offered approval");
            rewardUrl = reviewer.driver.getCurrentUrl();
            // a forged decision with the page's own CSRF token: refused for the role before case-service is asked
            reviewer.driver.executeScript("const f = document.createElement('form'); f.method = 'post';"
                    + "f.action = location.pathname + '/approve';"
                    + "for (const [k, v] of [['csrf', document.querySelector('input[name=csrf]').value],"
                    + " ['version', '0']]) { const i = document.createElement('input');"
                    + " i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
                    + "document.body.appendChild(f); f.submit();");
            reviewer.waitForText("无权访问此页面");
        }
        String rewardId = rewardUrl.substring(rewardUrl.lastIndexOf('/') + 1);
        rewardState(rewardId, "PROPOSED");

        try (Chromium approver = Chromium.desktop("zh-CN")) {
            approver.signIn("approver1");
            approver.open("/console/rewards?state=PROPOSED");
            approver.waitForText(number);
            approver.assertAccessible("reward queue");
            approver.screenshot("console-rewards");
            approver.open("/console/rewards/" + rewardId);
            approver.waitForText("举报人身份默认不显示");
            assertFalse(approver.find("main").getText().contains(RewardJourneyIT.NAME), "identity shown unasked");
            approver.find("#reveal").click();
            approver.waitForText("此次查看已记入审计日志");
            assertTrue(approver.text("[data-testid=reporter-identity]").contains(RewardJourneyIT.NAME));
            approver.assertAccessible("reward with the identity revealed");
            approver.screenshot("console-reward");
            approver.tabTo("do-approve");
            approver.type(Keys.ENTER);
            approver.waitForText("已审批通过");
            assertFalse(approver.find("main").getText().contains(RewardJourneyIT.NAME), "identity outlives its view");
        }
        rewardState(rewardId, "APPROVED", "NOTIFIED");

        // a reward of ¥500,000 or more: the approver, then finance, two different people
        String large = report();
        String largeCase = CaseApi.substantiated(large, supervisor, "洪市监罚〔2026〕L", 1_000_000_000L);
        String largeReward = CaseApi.propose(Tokens.of("reviewer2"), largeCase, 1);
        try (Chromium approver = Chromium.desktop("zh-CN")) {
            approver.signIn("approver1");
            approver.open("/console/rewards/" + largeReward);
            approver.waitForText("¥");
            approver.find("#do-approve").click();
            approver.waitForText("已审批通过");
            assertTrue(approver.driver.findElements(By.id("do-approve")).isEmpty(), "one person approves twice");
        }
        rewardState(largeReward, "PROPOSED");
        try (Chromium finance = Chromium.desktop("zh-CN")) {
            finance.signIn("finance1");
            finance.open("/console/rewards/" + largeReward);
            finance.waitForText("财务审批通过");
            finance.assertAccessible("finance approval");
            finance.screenshot("console-reward-finance");
            finance.find("#do-approve").click();
            finance.waitForText("已审批通过");
        }
        rewardState(largeReward, "APPROVED", "NOTIFIED");

        try (Chromium auditor = Chromium.desktop("zh-CN")) {
            auditor.signIn("auditor1");
            // without a number: the latest staff reads of personal data, the approver's reveal among them
            auditor.open("/console/audit");
            auditor.waitForText("最近的个人信息查看（工作人员）");
            assertTrue(auditor.text("[data-testid=recent-views]").contains(number));
            auditor.assertAccessible("recent staff views");
            auditor.open("/console/audit?trackingNumber=" + number);
            auditor.waitForText("举报人身份的查看");
            assertTrue(auditor.text("[data-testid=reward-identity-views]").contains("approver1"));
            assertTrue(auditor.text("[data-testid=identity-reads]").contains("approver1"));
            assertTrue(auditor.text("[data-testid=reward-trail]").contains("reviewer1"));
            assertTrue(auditor.text("[data-testid=case-events]").contains("360100-AMR"));
            assertFalse(auditor.find("main").getText().contains(RewardJourneyIT.ID_NUMBER), "the audit shows identity");
            auditor.assertAccessible("audit trail");
            auditor.screenshot("console-audit");
            assertTrue(auditor.driver.findElements(By.id("do-approve")).isEmpty());
        }
    }

    /** The reward is in one of {@code states} (approval moves on to notifying the reporter by itself). */
    private static void rewardState(String rewardId, String... states) {
        given().auth()
                .oauth2(Tokens.of("auditor1"))
                .get(RunningSuite.CASES + "/api/v1/rewards/" + rewardId)
                .then()
                .statusCode(200)
                .body("state", in(states));
    }

    /** A real-name report asking for a reward, about a business of its own (the first reporter of its violation). */
    private static String report() {
        Map<String, Object> report = new HashMap<>(RewardJourneyIT.report());
        report.put(
                "subject",
                Map.of(
                        "name",
                        "南昌某食品厂" + System.nanoTime() % 100_000,
                        "creditCode",
                        creditCode(),
                        "regionCode",
                        "360100"));
        return given().contentType(ContentType.JSON)
                .body(report)
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
    }

    /** A new, valid unified social credit code (GB 32100-2015) registered in Nanchang. */
    private static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("91360100MA");
        while (code.length() < 17) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return code.append(alphabet.charAt(check == 31 ? 0 : check)).toString();
    }
}
