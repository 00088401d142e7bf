package cn.jxquality.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A citizen on a 360-px phone: submits a complaint with a photo, keeps the receipt, follows it on {@code /status},
 * and rates the outcome once the department has resolved it (through the case API, as its own system would).
 */
@ExtendWith(RunningSuite.class)
class CitizenPagesIT {

    @Test
    void aCitizenSubmitsOnAPhoneFollowsItAndRatesTheOutcome() throws Exception {
        String business = "南昌某某超市" + ThreadLocalRandom.current().nextInt(100_000);
        try (Chromium phone = Chromium.phone("zh-CN")) {
            phone.open("/");
            assertEquals(360L, (Long) phone.driver.executeScript("return document.documentElement.clientWidth"));
            assertTrue(
                    (Boolean) phone.driver.executeScript(
                            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "nothing sticks out sideways on a 360-px phone");
            phone.assertAccessible("submit page");
            phone.screenshot("public-submit-phone");

            phone.find("a[hreflang=en]").click();
            phone.waitForText("Complain or report");
            phone.assertAccessible("submit page in English");
            phone.find("a[hreflang=zh-CN]").click();
            phone.waitForText("我要投诉举报");

            new Select(phone.find("#category")).selectByValue("PRODUCT.FOOD");
            phone.find("#subjectName").sendKeys(business);
            new Select(phone.find("#regionCode")).selectByValue("360100");
            phone.find("#amountYuan").sendKeys("35.50");
            phone.find("#description").sendKeys("买到的牛奶已过期两周，商家拒绝退款。");
            new Select(phone.find("#remedy")).selectByValue("REFUND");
            phone.find("#personName").sendKeys("周八");
            phone.find("#mobile").sendKeys("136" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
            phone.find("#evidence").sendKeys(photo().toString());
            phone.find("form button[type=submit]").click();

            phone.waitForText("已收到您的诉求");
            String trackingNumber = phone.text("[data-testid=tracking-number]");
            String queryCode = phone.text("[data-testid=query-code]");
            assertThat(queryCode, matchesPattern("[A-Z0-9]{12}"));
            phone.waitForText("已附上 1 个证据文件");
            phone.assertAccessible("receipt");
            phone.screenshot("public-receipt-phone");

            // the department resolves it through its own system
            String department = Tokens.of("dept-nc-amr");
            String caseId = CaseApi.caseOf(trackingNumber, department);
            CaseApi.acceptAndStart(department, caseId);
            CaseApi.act(department, caseId, "resolve", Map.of("outcome", "MEDIATED", "note", "经调解，商家同意退款 35.50 元。"));

            phone.find(".actions a.button").click();
            phone.waitForText("查询办理进度");
            assertEquals(trackingNumber, phone.find("#trackingNumber").getAttribute("value"));
            // the code is not case-sensitive; the page is asked again until the resolution has arrived
            await().atMost(CaseApi.ASYNC).pollInterval(Duration.ofSeconds(2)).until(() -> {
                phone.lookUp(trackingNumber, queryCode.toLowerCase());
                return phone.driver.findElements(By.cssSelector("[data-testid=status]")).stream()
                        .anyMatch(e -> e.getText().equals("已办结"));
            });
            assertThat(phone.text("[data-testid=department]"), containsString("南昌市市场监督管理局"));
            phone.waitForText("经调解，商家同意退款 35.50 元。");
            phone.assertAccessible("status");
            phone.screenshot("public-status-phone");
            phone.driver.executeScript("document.getElementById('result').scrollIntoView()");
            phone.screenshotOfWindow("public-status-phone-window");

            phone.find("a[href^='/rate']").click();
            phone.find("#queryCode").sendKeys(queryCode);
            phone.find("label[for=rating-5]").click();
            phone.find("#comment").sendKeys("处理及时，谢谢。");
            phone.assertAccessible("rating");
            phone.find("form button[type=submit]").click();
            phone.waitForText("感谢您的评价（5 分）");
            phone.screenshot("public-rated-phone");
        }
        try (Chromium desktop = Chromium.desktop("zh-CN")) {
            desktop.open("/status");
            desktop.assertAccessible("status form");
            desktop.screenshot("public-status-desktop");
        }
    }

    /** A small real JPEG (a 1 × 1 white pixel), for the evidence field. */
    static Path photo() throws Exception {
        Path file = Chromium.SCREENSHOTS.getParent().resolve("evidence.jpg");
        Files.createDirectories(file.getParent());
        Files.write(
                file,
                java.util.Base64.getDecoder()
                        .decode(
                                "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////"
                                        + "////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA="));
        return file;
    }
}
