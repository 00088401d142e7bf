package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * A reporter who filed on the web confirms their mobile with the link of the receipt's text message (until then it
 * hears nothing more); once the report is substantiated they get a text message whose link opens the reward claim
 * page, where they claim with the tracking number and query code; the message's opt-out link opens the opt-out page.
 */
@ExtendWith(RunningSuite.class)
class RewardClaimPageIT {

    static final Pattern CLAIM_LINK = Pattern.compile("(http://[^\\s\"]+/reward-claim\\?trackingNumber=JX\\d{15})");
    static final Pattern CONFIRM_LINK = Pattern.compile(
            "(http://[^\\s\"]+/confirm-contact\\?medium=SMS(&|\\\\u0026)trackingNumber=JX\\d{15}(&|\\\\u0026)code=[A-Z0-9]+)");
    static final Pattern OPT_OUT_LINK =
            Pattern.compile("(http://[^\\s\"]+/opt-out\\?trackingNumber=JX\\d{15}(&|\\\\u0026)code=[A-Z0-9]+)");

    @Test
    void aReporterClaimsTheRewardOnThePageTheirTextMessageLinksTo() {
        String mobile = "135" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        Map<String, Object> report = new HashMap<>(RewardJourneyIT.report());
        report.put(
                "person",
                Map.of(
                        "name",
                        RewardJourneyIT.NAME,
                        "mobile",
                        mobile,
                        "idType",
                        "RESIDENT_ID_CARD",
                        "idNumber",
                        RewardJourneyIT.ID_NUMBER));
        Map<String, Object> receipt = given().contentType(ContentType.JSON)
                .body(report)
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        String trackingNumber = (String) receipt.get("trackingNumber");

        // a mobile given on the web hears only its receipt until its owner confirms it with the receipt's link
        String receiptText = await().atMost(CaseApi.ASYNC)
                .until(
                        () -> RunningSuite.textsTo(mobile).stream()
                                .filter(t -> t.contains("/confirm-contact?"))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        Matcher confirmLink = CONFIRM_LINK.matcher(receiptText);
        assertEquals(true, confirmLink.find(), receiptText);
        try (Chromium phone = Chromium.phone("zh-CN")) {
            phone.driver.get(confirmLink.group(1).replace("\\u0026", "&"));
            assertEquals(trackingNumber, phone.find("#trackingNumber").getAttribute("value"));
            phone.assertAccessible("contact confirmation");
            phone.screenshot("public-confirm-contact-phone");
            phone.find("form button[type=submit]").click();
            phone.waitForText("已确认");
            phone.assertAccessible("contact confirmed");
        }

        String caseId = CaseApi.substantiated(trackingNumber, Tokens.of("supervisor1"), "洪市监罚〔2026〕2", 10_000_000L);
        String rewardId = CaseApi.propose(Tokens.of("reviewer1"), caseId, 2);
        CaseApi.rewardAction(Tokens.of("approver1"), rewardId, "approve");

        String text = await().atMost(CaseApi.ASYNC)
                .until(
                        () -> RunningSuite.textsTo(mobile).stream()
                                .filter(t -> t.contains("/reward-claim?trackingNumber="))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        Matcher claimLink = CLAIM_LINK.matcher(text);
        Matcher optOutLink = OPT_OUT_LINK.matcher(text);
        assertEquals(true, claimLink.find(), text);
        assertEquals(true, optOutLink.find(), text);

        try (Chromium phone = Chromium.phone("zh-CN")) {
            phone.driver.get(claimLink.group(1));
            assertEquals(trackingNumber, phone.find("#trackingNumber").getAttribute("value"));
            phone.find("#queryCode").sendKeys((String) receipt.get("queryCode"));
            phone.find("#claimantName").sendKeys(RewardJourneyIT.NAME);
            new Select(phone.find("#idType")).selectByValue("RESIDENT_ID_CARD");
            phone.find("#idNumber").sendKeys(RewardJourneyIT.ID_NUMBER);
            phone.find("#bankName").sendKeys("中国建设银行南昌分行");
            phone.find("#bankAccountNumber").sendKeys("6217 0000 1234 5678 901");
            phone.find("#bankAccountHolder").sendKeys(RewardJourneyIT.NAME);
            phone.assertAccessible("reward claim");
            phone.screenshot("public-reward-claim-phone");
            phone.find("form button[type=submit]").click();
            phone.waitForText("申领已收到");
            assertThat(phone.text("#notice"), containsString("3000.00 元"));
            phone.screenshot("public-reward-claimed-phone");

            phone.driver.get(optOutLink.group(1).replace("\\u0026", "&"));
            phone.assertAccessible("opt-out");
            phone.find("form button[type=submit]").click();
            phone.waitForText("已退订");
        }
        given().auth()
                .oauth2(Tokens.of("finance1"))
                .get(RunningSuite.CASES + "/api/v1/rewards/" + rewardId)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("CLAIMED"));
    }
}
