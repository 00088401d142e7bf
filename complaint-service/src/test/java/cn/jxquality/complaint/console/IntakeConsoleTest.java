package cn.jxquality.complaint.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's call intake and the complaint page: register, read back, find, see the case, reveal (audited). */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class IntakeConsoleTest {

    @Inject
    Pool pool;

    @BeforeEach
    void reset() {
        OtherServices.wireMock().resetAll();
    }

    @Test
    void anOperatorRegistersACallReadsItBackAndTheCallersNextCallShowsItAsALikelyDuplicate() {
        Browser operator = Browser.chinese().as("operator1");
        Map<String, String> call = call();
        Response registered = operator.submitMultipart("/console/intake", "/console/intake", call, Map.of());
        assertEquals(303, registered.statusCode(), registered.asString());
        String location = registered.header("Location");
        assertThat(location, containsString("/console/intake/receipt/JX"));
        String number = location.substring(location.lastIndexOf('/') + 1);

        String receipt = operator.get(location).then().statusCode(200).extract().asString();
        assertThat(
                receipt,
                containsString(number.substring(0, 2) + " " + number.substring(2, 10) + " " + number.substring(10)));
        assertThat(receipt, containsString("查询码（只显示这一次）"));
        assertThat(receipt, containsString("登记下一个来电"));
        Row stored = Db.row(pool, "select channel, submitted_by from complaint where tracking_number = $1", number);
        assertEquals("HOTLINE_12365", stored.getString("channel"));
        assertEquals("operator1", stored.getString("submitted_by"));

        String history = operator.get("/console/intake/caller?mobile=" + call.get("mobile") + "&category=PRODUCT.FOOD"
                        + "&subjectName=" + call.get("subjectName"))
                .asString();
        assertThat(history, containsString(number));
        assertThat(history, containsString("可能重复"));
        assertThat(
                operator.get("/console/intake/caller?mobile=" + call.get("mobile") + "&category=SERVICE.CATERING")
                        .asString(),
                not(containsString("可能重复")));
        assertThat(
                operator.get("/console/intake/caller?mobile=" + Submissions.randomMobile())
                        .asString(),
                containsString("没有找到此号码以往的投诉举报"));
    }

    @Test
    void theComplaintPageShowsTheCaseReadWithTheUsersOwnTokenAndRevealsThePersonOnlyWhenAudited() throws Exception {
        Browser operator = Browser.chinese().as("operator1");
        Map<String, String> call = call();
        String location = operator.submitMultipart("/console/intake", "/console/intake", call, Map.of())
                .header("Location");
        String number = location.substring(location.lastIndexOf('/') + 1);
        UUID caseId = UUID.randomUUID();
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/cases"))
                        .withQueryParam("trackingNumber", equalTo(number))
                        .willReturn(json("""
                        {"items":[{"id":"%s","trackingNumber":"%s","kind":"COMPLAINT","category":"PRODUCT.FOOD",
                          "regionCode":"360102","departmentCode":"360100-AMR","state":"ASSIGNED","outcome":null,
                          "deadlines":{"acceptBy":"2026-12-15T15:59:59Z"},"provisionalDeadlines":[],
                          "receivedAt":"%s","version":2}],"next":null}""".formatted(caseId, number, Instant.now()))));
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/cases/" + caseId + "/events"))
                        .willReturn(json("""
                        [{"id":1,"type":"case.assigned.v1","fromState":"NEW","toState":"ASSIGNED","actor":"routing",
                          "actorRole":"system","departmentCode":"360100-AMR","at":"%s","note":"<b>按规则分派</b>",
                          "visibility":"INTERNAL"}]""".formatted(Instant.now()))));

        String page = operator.get("/console/complaints/" + number)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page, containsString("已分派"));
        assertThat(page, containsString("南昌市市场监督管理局"));
        assertThat(page, containsString("受理期限"));
        assertThat(page, containsString("2026-12-15 23:59"));
        assertThat(page, containsString("&lt;b&gt;按规则分派&lt;/b&gt;"));
        String mobile = call.get("mobile");
        assertThat(page, containsString(mobile.substring(0, 3) + "****" + mobile.substring(7)));
        assertThat(page, not(containsString(call.get("mobile"))));
        assertThat(page, not(containsString("赵六")));
        OtherServices.wireMock()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/cases"))
                        .withHeader(
                                "Authorization", equalTo("Bearer " + cn.jxquality.complaint.Tokens.of("operator1"))));

        long audits = audits(number);
        for (String reason : new String[] {"", "   ", "<b>看看</b>"}) {
            String refused = operator.submit(
                            "/console/complaints/" + number,
                            "/console/complaints/" + number + "/identity",
                            Map.of("reason", reason))
                    .then()
                    .statusCode(400)
                    .extract()
                    .asString();
            assertThat(refused, containsString(reason.isBlank() ? "请写明查看原因" : "查看原因只能是 500 字以内的纯文字"));
            assertThat(refused, containsString("aria-invalid=\"true\""));
            assertThat(refused, not(containsString("赵六")));
        }
        assertEquals(audits, audits(number), "nothing is read without a reason");
        String revealed = operator.submit(
                        "/console/complaints/" + number,
                        "/console/complaints/" + number + "/identity",
                        Map.of("reason", "来电人询问进度"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(revealed, containsString("赵六"));
        assertThat(revealed, containsString(call.get("mobile")));
        assertEquals(audits + 1, audits(number));
        Row audit = Db.row(
                pool,
                "select a.actor, a.purpose, a.reason from identity_access_audit a join complaint c on c.id = a.complaint_id"
                        + " where c.tracking_number = $1 order by a.id desc limit 1",
                number);
        assertEquals("operator1", audit.getString("actor"));
        assertEquals("OPERATOR_VIEW", audit.getString("purpose"));
        assertEquals("来电人询问进度", audit.getString("reason"));
    }

    @Test
    void withoutCaseServiceTheRestOfTheComplaintPageStillShows() {
        Browser supervisor = Browser.english().as("supervisor1");
        String number = Browser.chinese()
                .as("operator1")
                .submitMultipart("/console/intake", "/console/intake", call(), Map.of())
                .header("Location")
                .replaceAll(".*/", "");
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/cases"))
                        .willReturn(aResponse().withStatus(503)));
        String page = supervisor
                .get("/console/complaints/" + number)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page, containsString("The case system cannot be reached just now"));
        assertThat(page, containsString("Public progress"));
    }

    @Test
    void aFormWithMistakesComesBackWithThemAndTheCallerStaysOnTheLine() {
        Map<String, String> call = call();
        call.put("mobile", "1380013");
        call.put("category", "");
        Response response =
                Browser.chinese().as("operator1").submitMultipart("/console/intake", "/console/intake", call, Map.of());
        assertEquals(400, response.statusCode());
        assertThat(response.asString(), containsString("请输入有效的中国大陆手机号码"));
        assertThat(response.asString(), containsString("value=\"" + call.get("subjectName") + "\""));
    }

    private static Map<String, String> call() {
        Map<String, String> call = new HashMap<>();
        call.put("channel", "HOTLINE_12365");
        call.put("mobile", Submissions.randomMobile());
        call.put("personName", "赵六");
        call.put("kind", "COMPLAINT");
        call.put("category", "PRODUCT.FOOD");
        call.put("subjectName", "来电测试超市" + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        call.put("regionCode", "360102");
        call.put("description", "来电反映：买到的月饼已过期。");
        return call;
    }

    private long audits(String number) {
        return Db.row(
                        pool,
                        "select count(*) as n from identity_access_audit a join complaint c on c.id = a.complaint_id"
                                + " where c.tracking_number = $1",
                        number)
                .getLong("n");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
