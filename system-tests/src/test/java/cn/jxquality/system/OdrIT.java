package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ODR, enterprise first, across the three services (issue 20, part 1): a consumer sends a complaint about a registered
 * enterprise to it first; the enterprise settles it in its console and the consumer confirms on their phone, and no
 * case ever opens; another enterprise's silence past its 10 working days hands the complaint to the department,
 * whose case carries the ODR history.
 */
@ExtendWith(RunningSuite.class)
class OdrIT {

    /** The enterprise ent-demo answers for, in seeds/odr-enterprises.yaml. */
    static final String ENTERPRISE = "91360100158304019E";

    @Test
    void theEnterpriseSettlesInItsConsoleAndTheConsumerConfirmsOnTheirPhone() {
        String mobile = "136" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        Map<String, Object> receipt = file(complaint(mobile));
        String number = (String) receipt.get("trackingNumber");

        // the consumer's receipt names the enterprise it went to
        String text = await().atMost(CaseApi.ASYNC)
                .until(
                        () -> RunningSuite.textsTo(mobile).stream()
                                .filter(t -> t.contains(number))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        assertThat(text, containsString("南昌市东湖区某某电器商行"));

        try (Chromium browser = Chromium.desktop("zh-CN")) {
            browser.signIn("ent-demo");
            browser.open("/console/enterprise");
            browser.waitForText(number);
            browser.assertAccessible("ODR enterprise's complaints");
            browser.find("a[href='/console/enterprise/" + number + "']").click();
            browser.waitForText("记录协商结果");
            browser.find("#outcome").click();
            browser.find("#text").sendKeys("退货退款 2599 元，三个工作日内退回原支付账户");
            browser.assertAccessible("ODR enterprise's answer");
            browser.screenshot("console-enterprise-complaint");
            browser.find("form[action='/console/enterprise/" + number + "'] button[type=submit]")
                    .click();
            browser.waitForText("结果已记录");
        }

        try (Chromium phone = Chromium.phone("zh-CN")) {
            phone.open("/status");
            phone.find("#trackingNumber").sendKeys(number);
            phone.find("#queryCode").sendKeys((String) receipt.get("queryCode"));
            phone.find("form[action='/status'] button[type=submit]").click();
            phone.waitForText("企业报告的和解内容");
            assertThat(phone.text("[data-testid=agreement]"), containsString("退货退款 2599 元"));
            phone.assertAccessible("ODR settlement on the status page");
            phone.screenshot("public-odr-settlement-phone");
            phone.find("button[name=accept][value=true]").click();
            phone.waitForText("您已确认和解，投诉已办结。");
            assertEquals("已结案", phone.text("[data-testid=status]"));
        }

        // settled at the source: no case for the department, ever
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .queryParam("trackingNumber", number)
                .get(RunningSuite.CASES + "/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void anEnterprisesSilenceHandsTheComplaintToTheDepartmentWithTheHistory() throws Exception {
        String mobile = "137" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        Map<String, Object> receipt = file(complaint(mobile));
        String number = (String) receipt.get("trackingNumber");

        // ten working days pass: the enterprise's time ends now (the scan runs every second here)
        try (Connection complaints = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/complaints_sys", "complaint_test", "test");
                PreparedStatement due = complaints.prepareStatement(
                        "update odr_referral set due_at = now() - interval '1 second' where complaint_id ="
                                + " (select id from complaint where tracking_number = ?)")) {
            due.setString(1, number);
            assertEquals(1, due.executeUpdate());
        }

        String supervisor = Tokens.of("supervisor1");
        String caseId = await().atMost(CaseApi.ASYNC)
                .until(
                        () -> given().auth()
                                .oauth2(supervisor)
                                .queryParam("trackingNumber", number)
                                .get(RunningSuite.CASES + "/api/v1/cases")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<String>>path("items.id"),
                        ids -> !ids.isEmpty())
                .get(0);
        List<String> notes = given().auth()
                .oauth2(supervisor)
                .get(RunningSuite.CASES + "/api/v1/cases/" + caseId + "/events")
                .then()
                .statusCode(200)
                .extract()
                .path("note");
        assertThat(
                "the case's trail holds the ODR history",
                String.join("\n", notes.stream().map(String::valueOf).toList()),
                containsString(ENTERPRISE));

        given().contentType(ContentType.JSON)
                .body(Map.of("trackingNumber", number, "queryCode", receipt.get("queryCode")))
                .post(RunningSuite.COMPLAINTS + "/api/v1/status-lookups")
                .then()
                .statusCode(200)
                .body("timeline.note", hasItem(containsString("未在 10 个工作日内答复")));
    }

    static Map<String, Object> complaint(String mobile) {
        Map<String, Object> subject = new HashMap<>();
        subject.put("name", "南昌市东湖区某某电器商行");
        subject.put("creditCode", ENTERPRISE);
        subject.put("address", "南昌市东湖区八一大道318号");
        subject.put("regionCode", "360102");
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "COMPLAINT");
        body.put("channel", "WEB");
        body.put("category", "PRODUCT.HOUSEHOLD_APPLIANCE");
        body.put("subject", subject);
        body.put("occurredOn", "2026-11-18");
        body.put("productOrService", "电热水器");
        body.put("amountFen", 259900);
        body.put("description", "购买的电热水器安装三天后漏电，商家拒绝退货。");
        body.put("remedy", "RETURN");
        body.put("consents", Map.of("publish", false, "entrustedMediation", true));
        body.put("person", Map.of("name", "张三", "mobile", mobile));
        body.put("anonymous", false);
        body.put("rewardRequested", false);
        body.put("odr", Map.of("enterpriseFirst", true, "shareContact", true));
        return body;
    }

    static Map<String, Object> file(Map<String, Object> complaint) {
        return given().contentType(ContentType.JSON)
                .body(complaint)
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }
}
