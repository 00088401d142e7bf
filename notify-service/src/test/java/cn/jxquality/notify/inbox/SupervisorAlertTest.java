package cn.jxquality.notify.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Supervisors hear in-app of escalations past their own deadline and of risk alerts, which name no complaint. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class SupervisorAlertTest {

    static final String CREDIT_CODE = "91360100MA35GR7T1E";

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aRiskAlertDeliveredThreeTimesIsOneInboxMessageWithoutTrackingNumber() {
        String eventId = UUID.randomUUID().toString();
        int count = ThreadLocalRandom.current().nextInt(20, 100_000); // tells this alert's text from earlier runs'
        Events.publish(
                "case-events",
                "case.risk-alert.v1",
                eventId,
                "360100:ENTERPRISE:" + CREDIT_CODE,
                Events.riskAlert(UUID.randomUUID(), CREDIT_CODE, count),
                3);

        await().atMost(Duration.ofSeconds(20)).until(() -> rowsOf(eventId).size() == 1);
        // a later alert on the same key is consumed after all three deliveries: none of them added a row
        String later = UUID.randomUUID().toString();
        Events.publish(
                "case-events",
                "case.risk-alert.v1",
                later,
                "360100:ENTERPRISE:" + CREDIT_CODE,
                Events.riskAlert(UUID.randomUUID(), CREDIT_CODE, count + 1),
                1);
        await().atMost(Duration.ofSeconds(20)).until(() -> rowsOf(later).size() == 1);

        List<Row> rows = rowsOf(eventId);
        assertEquals(1, rows.size());
        Row row = rows.get(0);
        assertNull(row.getUUID("complaint_id"));
        assertNull(row.getString("tracking_number"));
        assertEquals("supervisor", row.getString("recipient"));
        assertEquals("IN_APP", row.getString("channel"));
        assertEquals("SENT", row.getString("status"));
        assertThat(row.getString("body"), containsString("统一社会信用代码为 " + CREDIT_CODE + " 的企业"));
        assertThat(row.getString("body"), containsString("收到投诉举报 " + count + " 件"));

        JsonPath inbox = given().queryParam("limit", 200)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> item = inbox.getMap("items.find { it.id == '" + row.getUUID("id") + "' }");
        assertEquals("case.risk-alert.v1", item.get("eventType"));
        assertEquals("risk-alert-supervisor", item.get("template"));
        assertNull(item.get("trackingNumber"));
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aDepartmentDoesNotSeeTheSupervisorsRiskAlerts() {
        String eventId = UUID.randomUUID().toString();
        Events.publish(
                "case-events",
                "case.risk-alert.v1",
                eventId,
                "360100:CATEGORY:PRODUCT.FOOD",
                Events.riskAlert(UUID.randomUUID(), null, 12),
                1);
        await().atMost(Duration.ofSeconds(20)).until(() -> rowsOf(eventId).size() == 1);
        given().queryParam("limit", 200)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items.eventType", not(hasItem("case.risk-alert.v1")));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void anEscalationPastItsDeadlineReachesTheSupervisors() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        Events.publish(
                "case-events",
                "case.escalation-overdue.v1",
                complaintId,
                Events.escalationOverdue(complaintId, trackingNumber, "360100-AMR"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 1);
        given().queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items[0].template", org.hamcrest.Matchers.equalTo("case-escalation-overdue-supervisor"))
                .body("items[0].body", containsString("督办期限（2026-12-08 18:00）已过"));
    }

    /** Deadlines a new calendar moved concern many cases and no single complaint: one inbox message lists them. */
    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void movedDeadlinesReachTheSupervisorsAsOneList() {
        String eventId = UUID.randomUUID().toString();
        Events.publish(
                "case-events", "case.deadlines-moved.v1", eventId, "calendar:2027", Events.deadlinesMoved(3, 3), 2);

        await().atMost(Duration.ofSeconds(20)).until(() -> rowsOf(eventId).size() == 1);
        Row row = rowsOf(eventId).get(0);
        assertNull(row.getUUID("complaint_id"));
        assertNull(row.getString("tracking_number"));
        assertEquals("supervisor", row.getString("recipient"));
        assertEquals("SENT", row.getString("status"));
        assertThat(row.getString("body"), containsString("3 个案件期限随之调整"));
        assertThat(
                row.getString("body"),
                containsString("JX20270201000000（360100-AMR）受理期限：2027-02-10 23:59 → 2027-02-12 23:59"));
        JsonPath inbox = given().queryParam("limit", 200)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> item = inbox.getMap("items.find { it.id == '" + row.getUUID("id") + "' }");
        assertEquals("deadlines-moved-supervisor", item.get("template"));
        assertNull(item.get("trackingNumber"));
    }

    private List<Row> rowsOf(String eventId) {
        return StreamSupport.stream(
                        pool.preparedQuery("select * from notification where event_id = $1")
                                .execute(Tuple.of(eventId))
                                .await()
                                .atMost(Duration.ofSeconds(5))
                                .spliterator(),
                        false)
                .toList();
    }
}
