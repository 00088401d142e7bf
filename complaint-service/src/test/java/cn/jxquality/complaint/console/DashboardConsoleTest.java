package cn.jxquality.complaint.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.CaseServiceStubs;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervisors' dashboard shows case-service's statistics (WireMock here) by city, category and department. */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class DashboardConsoleTest {

    static final String SUMMARY = """
            {"from":"2026-11-07","to":"2026-12-06","received":7,"decided":4,"onTimeRate":0.75,"medianHandlingDays":3,
             "ratings":2,"averageRating":4.5,"satisfactionIndex":87.5,"byOutcome":{"MEDIATED":3},
             "byDepartment":[{"key":"360100-AMR","received":5,"decided":4,"onTimeRate":0.75,"averageRating":4.5,
                              "satisfactionIndex":87.5}],
             "byCategory":[{"key":"PRODUCT.FOOD","received":6,"decided":4,"onTimeRate":0.75,"averageRating":4.5,
                            "satisfactionIndex":87.5},
                           {"key":"SERVICE.CATERING","received":1,"decided":0,"onTimeRate":null,"averageRating":null,
                            "satisfactionIndex":null}],
             "byRegion":[{"key":"360102","received":3,"decided":2,"onTimeRate":1.0},
                         {"key":"360100","received":2,"decided":2,"onTimeRate":0.5},
                         {"key":"360702","received":2,"decided":0,"onTimeRate":null}],
             "mostSubstantiated":[{"creditCode":"91360100158304019E","substantiated":2}]}""";

    @BeforeEach
    void statistics() {
        OtherServices.wireMock().resetAll();
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/stats/summary")).willReturn(CaseServiceStubs.json(200, SUMMARY)));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/stats/totals"))
                        .willReturn(CaseServiceStubs.json(
                                200,
                                "[{\"day\":\"" + LocalDate.now()
                                        + "\",\"received\":3,\"decided\":0,\"decidedOnTime\":0,"
                                        + "\"ratings\":0,\"ratingSum\":0}]")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/risk-alerts")).willReturn(CaseServiceStubs.json(200, "[]")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/stats/odr")).willReturn(CaseServiceStubs.json(200, """
                                {"from":"2026-11-08","to":"2026-12-07","referred":4,"complaintsReceived":40,
                                 "odrShare":0.1,"enterprises":[{"creditCode":"91360100MA350DR017",
                                 "name":"江西某某电子商务有限公司","referred":4,"responded":2,"respondedOnTime":1,
                                 "settled":1,"confirmed":1,"disputed":0,"notSettled":1,"lapsed":2,
                                 "settlementRate":0.25,"onTimeRate":0.25}]}""")));
    }

    @Test
    void theOdrFiguresShowAndTheirAbsenceLeavesTheRest() {
        String page = Browser.chinese()
                .as("supervisor1")
                .get("/console/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page, containsString("本期 4 件投诉先交企业处理，占投诉总量的 10.0%。"));
        assertThat(page, containsString("江西某某电子商务有限公司"));
        assertThat(page, containsString("<td>25.0%</td><td>25.0%</td><td>2</td>"));

        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/stats/odr")).willReturn(CaseServiceStubs.json(500, "{}")));
        String without = Browser.chinese()
                .as("supervisor1")
                .get("/console/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(without, containsString("ODR 统计暂时无法获取。"));
        assertThat(without, containsString("data-testid=\"kpi-received\">7<"));
    }

    @Test
    void theDashboardSumsRegionsIntoCitiesAndNamesEverything() {
        Response response = Browser.chinese().as("supervisor1").get("/console/dashboard");
        assertEquals(200, response.statusCode(), response.asString());
        String page = response.asString();
        assertThat(page, containsString("data-testid=\"kpi-received\">7<"));
        assertThat(page, containsString("data-testid=\"kpi-on-time\">75.0%<"));
        assertThat(page, containsString("data-testid=\"kpi-satisfaction\">87.5<"));
        // Donghu district (360102) and the city itself (360100) both count for Nanchang; on time 3 of 4
        assertThat(
                page.replaceAll("\\s+", " "),
                matchesPattern(
                        "(?s).*<tr data-code=\"360100\"><th scope=\"row\">南昌市</th><td>5</td><td>4</td><td>75.0%</td><td>25.0%</td></tr>.*"));
        assertThat(page, containsString("<tr data-code=\"360700\"><th scope=\"row\">赣州市</th><td>2</td>"));
        assertThat(page, containsString("<tr data-code=\"360900\"><th scope=\"row\">宜春市</th><td>0</td>"));
        assertThat(page, containsString("产品质量 · 食品"));
        assertThat(page, containsString("南昌市市场监督管理局"));
        assertThat(page, containsString("<td>87.5</td>"));
        assertThat(page, containsString("91360100158304019E"));
        assertThat(page, containsString("data-chart=\"{&quot;"));
        assertThat(page, containsString("/webjars/echarts/dist/echarts.min.js"));
        OtherServices.wireMock()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/stats/summary"))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("supervisor1"))));

        // the map coloured by the share decided late instead: Nanchang 1 of 4, in per cent
        assertThat(page, containsString("&quot;value&quot;:5"));
        String late = Browser.chinese()
                .as("supervisor1")
                .get("/console/dashboard?map=late")
                .asString();
        assertThat(late, containsString("各设区市超期办结率"));
        assertThat(late, containsString("&quot;value&quot;:25.0"));
        assertThat(late, containsString("aria-current=\"true\" id=\"map-late-link\" data-testid=\"map-late\""));

        String english =
                Browser.english().as("supervisor1").get("/console/dashboard").asString();
        assertThat(english, containsString("Nanchang"));
        assertThat(english, containsString("Province overview"));
    }

    @Test
    void theMapOfJiangxiIsServed() {
        String map = Browser.chinese()
                .get("/static/map/jiangxi.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(map, containsString("南昌市"));
        assertThat(map, containsString("\"features\""));
    }
}
