package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The operators' console in a real browser against the running suite and the real Keycloak: sign in on Keycloak's
 * page, register a call with the keyboard alone, read it back, see it routed, reveal the caller (audited); a
 * department cannot open operator pages; a script a department writes is text on every page that shows it.
 */
@ExtendWith(RunningSuite.class)
class OperatorConsoleIT {

    @Test
    void anOperatorRegistersACallByKeyboardAndLaterSeesItsCaseRouted() {
        String mobile = "137" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        String business = "南昌某某电器有限公司" + ThreadLocalRandom.current().nextInt(100_000);
        try (Chromium browser = Chromium.desktop("zh-CN")) {
            browser.signIn("operator1");
            assertThat(browser.text("[data-testid=user-name]"), containsString("Hotline Operator One"));
            browser.assertAccessible("console home");
            browser.screenshot("console-home");

            browser.open("/console/intake");
            // the caller's mobile has the focus as the page opens; everything after it by keyboard alone
            assertEquals("mobile", browser.driver.switchTo().activeElement().getAttribute("id"));
            browser.type(mobile);
            browser.tabTo("personName");
            browser.type("孙七");
            browser.tabTo("channel");
            browser.choose("HOTLINE_12365");
            // the list's search box narrows the categories to one, which is then chosen
            browser.tabTo("category-search");
            browser.type("家用电器");
            browser.tabTo("category");
            browser.choose("PRODUCT.HOUSEHOLD_APPLIANCE");
            browser.tabTo("subjectName");
            browser.type(business);
            browser.tabTo("creditCode");
            browser.type("91360100158304019E");
            browser.waitForText("代码有效");
            browser.tabTo("regionCode-search");
            browser.type("360100");
            browser.tabTo("regionCode");
            browser.choose("360100");
            browser.tabTo("description");
            browser.type("来电反映：新买的电热水器漏电，商家拒绝退货。");
            browser.tabTo("remedy");
            browser.choose("RETURN");
            browser.tabTo("consentMediation");
            browser.type(Keys.SPACE);
            browser.waitForText("没有找到此号码以往的投诉举报");
            browser.assertAccessible("call intake");
            browser.screenshot("console-intake");
            browser.driver.executeScript("window.scrollTo(0, 0)");
            browser.screenshotOfWindow("console-intake-window");
            browser.tabTo("register");
            browser.type(Keys.ENTER);

            browser.waitForText("已登记，请向来电人复述");
            String trackingNumber = browser.text("[data-testid=tracking-number]");
            assertThat(trackingNumber, org.hamcrest.Matchers.matchesPattern("JX\\d{15}"));
            assertThat(browser.text(".readback"), containsString(trackingNumber.substring(2, 10)));
            browser.assertAccessible("intake receipt");
            browser.screenshot("console-receipt");

            browser.tabTo("open-" + trackingNumber);
            browser.type(Keys.ENTER);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(() -> {
                        browser.driver.navigate().refresh();
                        return browser.driver.findElements(By.cssSelector("[data-testid=case-state]")).stream()
                                .anyMatch(e -> e.getText().equals("已分派"));
                    });
            assertThat(browser.text("[data-testid=case-department]"), containsString("南昌市市场监督管理局"));
            assertThat(browser.text("[data-testid=subject-name]"), containsString(business));
            assertThat(browser.driver.getPageSource(), not(containsString(mobile)));

            browser.tabTo("reason");
            browser.type("来电人询问进度，核实身份");
            browser.tabTo("reveal");
            browser.type(Keys.ENTER);
            browser.waitForText(mobile);
            browser.assertAccessible("complaint page");
            browser.screenshot("console-complaint");

            // the next call from the same number: search finds it by the mobile
            browser.open("/console/search");
            browser.type(mobile, Keys.ENTER);
            browser.waitForText("显示 1 件");
            assertThat(browser.text("table"), containsString(trackingNumber));
            browser.assertAccessible("search");
            browser.screenshot("console-search");

            browser.find("[data-testid=sign-out]").click();
            browser.waitForText("已退出工作台");
            browser.assertAccessible("signed out");
            browser.open("/console");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.id("username")).isEmpty());
        }
    }

    @Test
    void aDepartmentUserIsRefusedOperatorPagesAndDoesNotSeeThemInTheMenu() {
        try (Chromium browser = Chromium.desktop("zh-CN")) {
            browser.signIn("dept-nc-amr");
            assertThat(browser.text(".console-nav"), not(containsString("来电登记")));
            browser.open("/console/intake");
            browser.waitForText("无权访问此页面");
            browser.open("/console/search?mobile=13800138000");
            browser.waitForText("无权访问此页面");
            browser.assertAccessible("forbidden page");
            browser.screenshot("console-forbidden");
        }
    }

    @Test
    void aScriptADepartmentWritesIsRefusedItsPlainTextIsShownAsWrittenAndTheFormRefusesOne() {
        Map<String, Object> receipt = given().contentType(ContentType.JSON)
                .body(WalkingSkeletonIT.webComplaint())
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        String trackingNumber = (String) receipt.get("trackingNumber");
        String supervisor = Tokens.of("supervisor1");
        String caseId = CaseApi.caseOf(trackingNumber, supervisor);
        String script = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        // a note that reaches the citizen is plain text: case-service refuses markup at the door, naming the field
        String etag = given().auth()
                .oauth2(supervisor)
                .get(RunningSuite.CASES + "/api/v1/cases/" + caseId)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(supervisor)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("text", script, "visibility", "PUBLIC"))
                .post(RunningSuite.CASES + "/api/v1/cases/" + caseId + "/notes")
                .then()
                .statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("text"));
        // what plain text may hold (a comparison, an ampersand, quotes) is shown as written, never as markup
        String shown = "价格<100元 & \"保修\" > '三年'";
        CaseApi.act(supervisor, caseId, "notes", Map.of("text", shown, "visibility", "PUBLIC"));

        try (Chromium browser = Chromium.desktop("zh-CN")) {
            await().atMost(CaseApi.ASYNC)
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> browser.lookUp(trackingNumber, (String) receipt.get("queryCode"))
                            .contains(shown));
            assertThrows(
                    NoAlertPresentException.class,
                    () -> browser.driver.switchTo().alert());

            browser.signIn("supervisor1");
            browser.open("/console/complaints/" + trackingNumber);
            browser.waitForText(shown);
            assertThrows(
                    NoAlertPresentException.class,
                    () -> browser.driver.switchTo().alert());

            browser.open("/");
            browser.find("#description").sendKeys(script);
            browser.find("#subjectName").sendKeys("某商户");
            browser.find("form button[type=submit]").click();
            browser.waitForText("请只输入文字，不要包含 HTML");
            assertThrows(
                    NoAlertPresentException.class,
                    () -> browser.driver.switchTo().alert());
        }
    }
}
