package cn.jxquality.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.Mailbox;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A complaint sent to an ODR enterprise first: the enterprise gets one e-mail at the address of the register, which
 * the event carries, however often the event comes; the address is masked in the log and absent from the
 * notification log, where the enterprise is named by its credit code.
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class EnterpriseNotificationTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "notify.public.base-url")
    String publicUrl;

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theEnterpriseHearsOnceByEmailAndItsAddressStaysMasked() throws Exception {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String enterprise = "odr-" + complaintId.toString().substring(0, 8) + "@example.cn";
        Stubs.contact(complaintId, null, "c" + complaintId.toString().substring(0, 8) + "@example.cn", "zh-CN");

        Events.publish(
                "complaint-events",
                "complaint.sent-to-enterprise.v1",
                UUID.randomUUID().toString(),
                complaintId,
                Events.sentToEnterprise(complaintId, trackingNumber, enterprise),
                3);

        MimeMessage mail = await().atMost(Duration.ofSeconds(20))
                .until(() -> Mailbox.only(Mailbox.to(enterprise)), Objects::nonNull);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> enterpriseEmail(trackingNumber).status().equals("SENT"));
        assertEquals("江西质量投诉 " + trackingNumber + "：请于 2026-12-09 前处理消费者投诉", mail.getSubject());
        String text = mail.getContent().toString();
        assertThat(text, containsString("受理编号 " + trackingNumber));
        assertThat(text, containsString(publicUrl + "/console/enterprise"));
        assertThat(text, not(containsString("退订")));

        // three deliveries of the event: one row per recipient and channel, one mail
        List<NotificationRows.Stored> rows = NotificationRows.of(pool, trackingNumber);
        assertEquals(
                List.of(
                        "EMAIL " + Events.ODR_ENTERPRISE,
                        "EMAIL citizen",
                        "IN_APP " + Events.ODR_ENTERPRISE,
                        "SMS citizen"),
                rows.stream()
                        .map(r ->
                                r.channel() + " " + (r.recipient().startsWith("citizen:") ? "citizen" : r.recipient()))
                        .sorted()
                        .toList());
        assertEquals(1, enterpriseEmail(trackingNumber).attempts());
        assertEquals(1, Mailbox.to(enterprise).size());

        String notificationLog = given().queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(notificationLog, not(containsString(enterprise)));
        Map<String, Object> logged = JsonPath.from(notificationLog)
                .getMap("items.find { it.recipientKind == 'ENTERPRISE' && it.channel == 'EMAIL' }");
        assertEquals(Events.ODR_ENTERPRISE, logged.get("recipient"));
        assertEquals("odr-complaint-enterprise", logged.get("template"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> LogMaskingTest.serviceLog().stream()
                        .anyMatch(line -> line.contains(trackingNumber + " to o***@example.cn")));
        assertEquals(
                List.of(),
                LogMaskingTest.serviceLog().stream()
                        .filter(line -> line.contains(enterprise))
                        .toList(),
                "log lines with the enterprise's address in clear");
    }

    @Test
    void anEnterpriseWithoutAnAddressHearsInItsInboxOnly() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        Stubs.noContact(complaintId);

        Events.publish(
                "complaint-events",
                "complaint.sent-to-enterprise.v1",
                complaintId,
                Events.sentToEnterprise(complaintId, trackingNumber, null));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 3);
        NotificationRows.Stored inbox = NotificationRows.one(pool, trackingNumber, "IN_APP");
        assertEquals(Events.ODR_ENTERPRISE, inbox.recipient());
        assertEquals("SENT", inbox.status());
        assertThat(inbox.body(), containsString(publicUrl + "/console/enterprise"));
        assertTrue(NotificationRows.of(pool, trackingNumber).stream()
                .noneMatch(r -> r.channel().equals("EMAIL") && r.recipient().equals(Events.ODR_ENTERPRISE)));
    }

    private NotificationRows.Stored enterpriseEmail(String trackingNumber) {
        return NotificationRows.of(pool, trackingNumber).stream()
                .filter(r -> r.channel().equals("EMAIL") && r.recipient().equals(Events.ODR_ENTERPRISE))
                .findFirst()
                .orElseThrow();
    }
}
