package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The supervisors' dashboard shows exactly what happened: three short-weight complaints in Yichun (a city and a
 * category no other system test uses), two of them resolved on time and rated 5 and 4, appear on the map's table, in
 * the category's row and as the department's satisfaction index 87.5; the pictures are drawn.
 */
@ExtendWith(RunningSuite.class)
class SupervisorDashboardIT {

    static final String CITY = "360900";
    static final String CATEGORY = "METROLOGY.SHORT_WEIGHT";

    @Test
    void theDashboardShowsWhatTheTestSubmittedResolvedAndRated() {
        String supervisor = Tokens.of("supervisor1");
        List<Map<String, Object>> receipts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            receipts.add(submit(i));
        }
        List<String> cases = new ArrayList<>();
        for (Map<String, Object> receipt : receipts) {
            cases.add(CaseApi.caseOf((String) receipt.get("trackingNumber"), supervisor));
        }
        String department = given().auth()
                .oauth2(supervisor)
                .get(RunningSuite.CASES + "/api/v1/cases/" + cases.get(0))
                .then()
                .extract()
                .path("departmentCode");
        int[] ratings = {5, 4};
        for (int i = 0; i < 2; i++) {
            CaseApi.acceptAndStart(supervisor, cases.get(i));
            CaseApi.act(supervisor, cases.get(i), "resolve", Map.of("outcome", "MEDIATED", "note", "经调解已补足分量。"));
            rate(receipts.get(i), ratings[i]);
        }
        await().atMost(CaseApi.ASYNC)
                .until(
                        () -> given().auth()
                                .oauth2(supervisor)
                                .get(RunningSuite.CASES + "/api/v1/stats/summary")
                                .then()
                                .extract()
                                .<Float>path("byDepartment.find { it.key == '" + department + "' }.satisfactionIndex"),
                        index -> index != null && index == 87.5f);

        try (Chromium browser = Chromium.desktop("zh-CN")) {
            browser.signIn("supervisor1");
            browser.open("/console/dashboard");
            String city = browser.text("[data-testid=by-city] tr[data-code='" + CITY + "']");
            assertEquals("宜春市 3 2 100.0% 0.0%", city);
            assertThat(
                    browser.text("[data-testid=by-category] tr[data-code='" + CATEGORY + "']"),
                    containsString("计量 · 缺斤短两 3 2 100.0%"));
            assertThat(
                    browser.text("[data-testid=by-department] tr[data-code='" + department + "']"),
                    containsString("87.5"));
            // the pictures were drawn (ECharts under the page's Content-Security-Policy), the map included
            await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> !browser.driver
                            .findElements(By.cssSelector(".chart--map canvas"))
                            .isEmpty());
            assertFalse(
                    browser.driver.findElements(By.cssSelector(".chart canvas")).isEmpty());
            browser.assertAccessible("dashboard");
            browser.screenshot("console-dashboard");
            browser.screenshotOfWindow("console-dashboard-window");

            // the map coloured by the share decided late instead, by keyboard
            browser.tabTo("map-late-link");
            browser.type(org.openqa.selenium.Keys.ENTER);
            browser.waitForText("各设区市超期办结率");
            await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> !browser.driver
                            .findElements(By.cssSelector(".chart--map canvas"))
                            .isEmpty());
            browser.assertAccessible("dashboard, map by late decisions");
        }
    }

    private static Map<String, Object> submit(int i) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "COMPLAINT",
                        "channel",
                        "WEB",
                        "category",
                        CATEGORY,
                        "subject",
                        Map.of("name", "宜春某某菜市场摊位" + i + System.nanoTime() % 1000, "regionCode", CITY),
                        "description",
                        "称重短斤缺两，一斤只有八两。",
                        "remedy",
                        "MAKE_UP_QUANTITY",
                        "person",
                        Map.of("name", "吴九", "mobile", "1398888" + String.format("%04d", i + System.nanoTime() % 1000)),
                        "anonymous",
                        false,
                        "rewardRequested",
                        false))
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    /** The citizen rates once the resolution has reached complaint-service (409 until then). */
    private static void rate(Map<String, Object> receipt, int rating) {
        await().atMost(CaseApi.ASYNC)
                .until(() -> given().contentType(ContentType.JSON)
                                .body(Map.of("queryCode", receipt.get("queryCode"), "rating", rating))
                                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints/" + receipt.get("trackingNumber")
                                        + "/feedback")
                                .statusCode()
                        == 201);
    }
}
