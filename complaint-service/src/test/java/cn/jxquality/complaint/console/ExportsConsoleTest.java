package cn.jxquality.complaint.console;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.CaseServiceStubs;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A supervisor or auditor exports a month as CSV: the job runs in the background batch by batch (two cases, fifty
 * complaints a batch here), the page shows its progress, a job that stopped goes on from where it stopped with the
 * user's new sign-in, and the file holds each row once and no personal data.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class ExportsConsoleTest {

    @Inject
    Pool pool;

    @Inject
    ExportJobs jobs;

    static final String THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

    @Test
    void aMonthsComplaintsAreExportedWithoutPersonalDataAndSafeForSpreadsheets() {
        List<String> numbers = new ArrayList<>();
        for (String name : List.of("=HYPERLINK(\"http://example.org\")", "某某商行, 分店", "普通商户")) {
            Map<String, Object> complaint = Submissions.uniqueWebComplaint();
            Submissions.subjectOf(complaint).put("name", name + System.nanoTime() % 10_000);
            numbers.add(given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", Submissions.randomClient())
                    .body(complaint)
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("trackingNumber"));
        }
        Browser supervisor = Browser.chinese().as("supervisor1");
        String page = finished(supervisor, start(supervisor, "COMPLAINTS"));
        assertThat(page, containsString("已完成"));
        assertThat(page, containsString("下载 complaints-" + THIS_MONTH + ".csv"));

        String id = page.replaceAll("(?s).*href=\"/console/exports/([0-9a-f-]{36})/csv\".*", "$1");
        Response file = supervisor.get("/console/exports/" + id + "/csv");
        assertEquals(200, file.statusCode());
        assertThat(file.contentType(), startsWith("text/csv"));
        assertEquals("attachment; filename=\"complaints-" + THIS_MONTH + ".csv\"", file.header("Content-Disposition"));
        assertEquals("no-store", file.header("Cache-Control"));
        String csv = new String(file.asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv, startsWith("\uFEFF受理编号,登记时间,类型,渠道"));
        for (String number : numbers) {
            assertEquals(1, csv.split(number, -1).length - 1, number + " exported once");
        }
        assertThat(csv, containsString(",\"'=HYPERLINK(\"\"http://example.org\"\")"));
        assertThat(csv, containsString(",\"某某商行, 分店"));
        assertThat(csv, not(containsString("张三")));
        assertThat(csv, not(containsString("zhangsan@example.org")));
        long rows = csv.lines().count() - 1;
        assertThat(page, containsString("已导出 " + rows + " 行"));

        // only its requester sees an export, in the list and by its address
        Browser auditor = Browser.chinese().as("auditor1");
        assertEquals(404, auditor.get("/console/exports/" + id).statusCode());
        assertEquals(404, auditor.get("/console/exports/" + id + "/csv").statusCode());
        assertThat(supervisor.get("/console/exports").asString(), containsString("/console/exports/" + id));
    }

    @Test
    void casesComeFromCaseServiceWithTheUsersTokenAndAStoppedJobGoesOnWhereItStopped() {
        OtherServices.wireMock().resetAll();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/cases"))
                        .withQueryParam("after", absent())
                        .willReturn(CaseServiceStubs.json(
                                200,
                                "{\"items\":[" + CaseServiceStubs.caseJson(first, "JX20261201000001", "ASSIGNED", 1)
                                        + "," + CaseServiceStubs.caseJson(second, "JX20261201000002", "CLOSED", 7)
                                        + "],\"next\":\"page-2\"}")));
        // the second page: the user's sign-in has expired
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/cases"))
                        .withQueryParam("after", equalTo("page-2"))
                        .willReturn(CaseServiceStubs.json(401, "{\"status\":401}")));
        Browser auditor = Browser.chinese().as("auditor1");
        String id = start(auditor, "CASES");
        String paused = await().atMost(Duration.ofSeconds(20))
                .until(() -> auditor.get("/console/exports/" + id).asString(), html -> html.contains("已暂停"));
        assertThat(paused, containsString("您的登录已过期"));
        assertThat(paused, containsString("已导出 2 行"));
        assertThat(paused, not(containsString("hx-trigger")));

        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/cases"))
                        .withQueryParam("after", equalTo("page-2"))
                        .willReturn(CaseServiceStubs.json(
                                200,
                                "{\"items\":[" + CaseServiceStubs.caseJson(third, "JX20261201000003", "RESOLVED", 4)
                                        + "],\"next\":null}")));
        Response resumed = auditor.submit("/console/exports/" + id, "/console/exports/" + id + "/resume", Map.of());
        assertEquals(303, resumed.statusCode());
        String done = finished(auditor, id);
        assertThat(done, containsString("已导出 3 行"));
        String csv = auditor.get("/console/exports/" + id + "/csv").asString();
        List<String> lines = csv.lines().toList();
        assertEquals(4, lines.size(), csv);
        assertThat(lines.get(0), startsWith("\uFEFF受理编号,类型,类别"));
        assertThat(lines.get(1), startsWith("JX20261201000001,COMPLAINT,PRODUCT.FOOD,360100,测试超市,360100-AMR,ASSIGNED"));
        assertThat(lines.get(3), startsWith("JX20261201000003,"));
        // case-service was asked with the auditor's own token, for the month in Beijing time
        YearMonth month = YearMonth.parse(THIS_MONTH);
        OtherServices.wireMock()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/cases"))
                        .withHeader("Authorization", equalTo("Bearer " + Tokens.of("auditor1")))
                        .withQueryParam(
                                "receivedFrom",
                                equalTo(month.atDay(1)
                                        .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                                        .toInstant()
                                        .toString())));
        // a finished export is not resumed
        Response again = auditor.submit("/console/exports/" + id, "/console/exports/" + id + "/resume", Map.of());
        assertEquals(409, again.statusCode());
        assertThat(again.asString(), containsString("此导出不能继续"));
    }

    /**
     * An export whose runner stopped (not moved on for longer than {@code console.export.stalled-after}) is paused for
     * its requester to resume; one moved on a moment ago runs on, whichever instance runs it (with two instances, one
     * starting must not pause the other's exports).
     */
    @Test
    void anExportWhoseRunnerStoppedIsPausedAndCanGoOnButOneRunningElsewhereIsLeftAlone() {
        UUID stalled = runningExport("supervisor1", "now() - interval '10 minutes'");
        UUID elsewhere = runningExport("auditor1", "now() - interval '10 seconds'");

        jobs.pauseStalled().await().atMost(Duration.ofSeconds(10));

        String page = Browser.chinese()
                .as("supervisor1")
                .get("/console/exports/" + stalled)
                .asString();
        assertThat(page, containsString("系统重新启动，导出中断。"));
        assertThat(page, containsString("id=\"resume\""));
        assertEquals(
                "RUNNING",
                Db.rows(pool, "select state from console_export where id = $1", elsewhere)
                        .get(0)
                        .getString("state"));
        Db.rows(pool, "delete from console_export where id = $1", elsewhere);
    }

    private UUID runningExport(String requestedBy, String movedAt) {
        UUID id = UUID.randomUUID();
        Db.rows(
                pool,
                "insert into console_export (id, kind, month, requested_by, language, requested_at, state,"
                        + " rows_expected, chunks, moved_at) values ($1, 'CASES', '2026-01', $2, 'zh-CN', now(),"
                        + " 'RUNNING', 10, 1, " + movedAt + ")",
                id,
                requestedBy);
        return id;
    }

    @Test
    void aWrongMonthOrKindIsShownAtItsFieldAndStartsNothing() {
        Browser supervisor = Browser.english().as("supervisor1");
        Response future = supervisor.submit(
                "/console/exports", "/console/exports", Map.of("kind", "COMPLAINTS", "month", "2999-01"));
        assertEquals(400, future.statusCode());
        assertThat(future.asString(), containsString("Choose a month from 2020-01 to this month"));
        Response garbled = supervisor.submit(
                "/console/exports", "/console/exports", Map.of("kind", "EVERYTHING", "month", "2026-13"));
        assertEquals(400, garbled.statusCode());
        assertThat(garbled.asString(), containsString("href=\"#kind\""));
        assertThat(garbled.asString(), containsString("href=\"#month\""));
        assertTrue(garbled.asString().contains("value=\"2026-13\""), "the form keeps what was typed");
    }

    /** Starts an export of {@code kind} for this month; answers its id. */
    private static String start(Browser browser, String kind) {
        Response started =
                browser.submit("/console/exports", "/console/exports", Map.of("kind", kind, "month", THIS_MONTH));
        assertEquals(303, started.statusCode(), started.asString());
        String location = started.header("Location");
        assertThat(location, containsString("/console/exports/"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The export's page once it has finished. */
    private static String finished(Browser browser, String id) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> browser.get("/console/exports/" + id).asString(), html -> html.contains("已完成"));
    }
}
