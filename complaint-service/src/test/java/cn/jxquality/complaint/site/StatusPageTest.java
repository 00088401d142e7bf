package cn.jxquality.complaint.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.CaseServiceEvents;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code /status}: what the citizen reads about their complaint, and what a guesser gets. */
@QuarkusTest
class StatusPageTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    @Test
    void theStatusNamesTheDepartmentTheTimeLimitAndEscapesWhatADepartmentWrote() {
        Map<String, String> receipt = submit();
        String number = receipt.get("trackingNumber");
        UUID id = idOf(number);
        caseEvent(id, number, "case.assigned.v1", "{\"departmentCode\":\"360100-AMR\",\"state\":\"ASSIGNED\"}");
        caseEvent(
                id,
                number,
                "case.note-added.v1",
                "{\"departmentCode\":\"360100-AMR\",\"publicNote\":\"<script>alert('x')</script> 已联系商家\"}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Db.row(pool, "select count(*) as n from status_timeline_entry where complaint_id = $1", id)
                                .getLong("n")
                        == 3);

        String page = Browser.chinese()
                .submit(
                        "/status?trackingNumber=" + number,
                        "/status",
                        Map.of("trackingNumber", number, "queryCode", receipt.get("queryCode")))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page, containsString("已分派承办部门"));
        assertThat(page, containsString("南昌市市场监督管理局"));
        assertThat(page, containsString("7 个工作日内决定是否受理"));
        assertThat(page, containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 已联系商家"));
        assertThat(page, not(containsString("<script>alert")));

        String english = Browser.english()
                .submit("/status", "/status", Map.of("trackingNumber", number, "queryCode", receipt.get("queryCode")))
                .asString();
        assertThat(english, containsString("Sent to the responsible department"));
        assertThat(english, containsString("Nanchang"));
    }

    @Test
    void aWrongCodeAndAnUnknownNumberReadTheSameAndTooManyTriesAreToldWhenToComeBack() {
        Map<String, String> receipt = submit();
        Browser guesser = Browser.chinese();
        Response wrong = guesser.submit(
                "/status",
                "/status",
                Map.of("trackingNumber", receipt.get("trackingNumber"), "queryCode", "WRONGWRONG22"));
        assertEquals(404, wrong.statusCode());
        Response unknown = guesser.submit(
                "/status",
                "/status",
                Map.of("trackingNumber", Submissions.unknownTrackingNumber(), "queryCode", "WRONGWRONG22"));
        assertEquals(404, unknown.statusCode());
        assertThat(wrong.asString(), containsString("受理编号和查询码不匹配"));
        assertThat(unknown.asString(), containsString("受理编号和查询码不匹配"));
        assertThat(wrong.contentType(), containsString("text/html"));

        Response last = null;
        for (int i = 0; i < 10; i++) {
            last = guesser.submit(
                    "/status",
                    "/status",
                    Map.of("trackingNumber", receipt.get("trackingNumber"), "queryCode", "WRONG" + i));
        }
        assertEquals(429, last.statusCode());
        assertThat(last.asString(), containsString("查询失败次数过多"));
        assertThat(last.asString(), containsString("分钟后再试"));
        assertEquals(true, Long.parseLong(last.header("Retry-After")) > 0);
    }

    @Test
    void missingFieldsAreNamed() {
        Response response =
                Browser.english().submit("/status", "/status", Map.of("trackingNumber", "", "queryCode", ""));
        assertEquals(400, response.statusCode());
        assertThat(response.asString(), containsString("href=\"#trackingNumber\""));
        assertThat(response.asString(), containsString("Please fill this in."));
    }

    private Map<String, String> submit() {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("", String.class, String.class);
    }

    private UUID idOf(String trackingNumber) {
        return Db.row(pool, "select id from complaint where tracking_number = $1", trackingNumber)
                .getUUID("id");
    }

    private void caseEvent(UUID id, String number, String type, String fields) {
        String data = "{\"caseId\":\"" + UUID.randomUUID() + "\",\"complaintId\":\"" + id + "\",\"trackingNumber\":\""
                + number + "\",\"kind\":\"COMPLAINT\",\"occurredAt\":\"" + Instant.now() + "\","
                + fields.substring(1);
        CaseServiceEvents.publish(
                bootstrap,
                CaseServiceEvents.record(
                        topicPrefix + "case-events",
                        id.toString(),
                        UUID.randomUUID().toString(),
                        type,
                        data));
    }
}
