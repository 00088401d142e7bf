package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * A supervisor exports this month's cases as CSV by keyboard: the job runs in the background (its page follows it
 * with htmx), the supervisor leaves and comes back through the list, and downloads the file, which holds the case of a
 * complaint just registered and none of its person's data.
 */
@ExtendWith(RunningSuite.class)
class ExportConsoleIT {

    @Test
    void aSupervisorExportsThisMonthsCasesAndComesBackForTheFile() {
        String supervisor = Tokens.of("supervisor1");
        String number = given().contentType(ContentType.JSON)
                .body(WalkingSkeletonIT.webComplaint())
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
        CaseApi.caseOf(number, supervisor);
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

        try (Chromium browser = Chromium.desktop("zh-CN")) {
            browser.signIn("supervisor1");
            browser.open("/console/exports");
            browser.waitForText("导出 CSV");
            browser.assertAccessible("exports");
            browser.tabTo("kind"); // a radio group takes one Tab; its arrows choose
            browser.type(Keys.ARROW_DOWN);
            assertTrue(browser.find("#kind-cases").isSelected());
            browser.tabTo("month");
            browser.find("#month").clear();
            browser.driver.executeScript("document.getElementById('month').value = arguments[0]", month);
            browser.tabTo("start-export");
            browser.type(Keys.ENTER);
            browser.waitForText("办件导出 · " + month);
            String page = browser.driver.getCurrentUrl();
            // leave, and come back through the list
            browser.open("/console");
            browser.open("/console/exports");
            browser.waitForText(month);
            browser.driver.get(page);
            browser.waitForText("已完成");
            browser.assertAccessible("finished export");
            browser.screenshot("console-export");
            String href = browser.find("#download").getAttribute("href");
            assertTrue(href.endsWith("/csv"), href);
            // the file, with the browser's session
            String session = browser.driver.manage().getCookies().stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .reduce((a, b) -> a + "; " + b)
                    .orElseThrow();
            String csv = given().header("Cookie", session)
                    .get(href)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(
                    csv.contains(number + ",COMPLAINT,"),
                    csv.lines().limit(3).toList().toString());
            // the month's cases and nothing else, each once: tracking numbers carry the day they were registered
            java.util.List<String> rows = csv.lines().skip(1).toList();
            String prefix = "JX" + month.replace("-", "");
            assertTrue(rows.stream().allMatch(row -> row.startsWith(prefix)), "a row of another month");
            assertEquals(
                    rows.size(),
                    rows.stream()
                            .map(row -> row.substring(0, row.indexOf(',')))
                            .distinct()
                            .count(),
                    "a case exported twice");
            assertEquals(-1, csv.indexOf("李四"), "the person's name in the export");
            assertEquals(-1, csv.indexOf("13900139000"), "the person's mobile in the export");
        }
        // the same pages in English on a 360-px phone: nothing wider than the screen
        try (Chromium phone = Chromium.phone("en")) {
            phone.signIn("supervisor1");
            phone.open("/console/exports");
            phone.waitForText("Export as CSV");
            phone.waitForText("My exports (past week)");
            assertEquals(
                    Boolean.TRUE,
                    phone.driver.executeScript(
                            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "the exports page is wider than the phone");
            phone.assertAccessible("exports, English, phone");
            phone.screenshot("console-exports-phone-en");
        }
    }
}
