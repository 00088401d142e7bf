package cn.jxquality.notify.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.ThirdParties;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A department with its own system hears of a new case by a signed webhook, beside its in-app inbox. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class WebhookDeliveryTest {

    static final String KEY = "test-only-webhook-key-of-32-bytes!";

    @Inject
    Pool pool;

    @Test
    void theWebhookBodyIsSignedAndTheSignatureVerifies() {
        ThirdParties.wireMock()
                .stubFor(post(urlEqualTo(ThirdParties.WEBHOOK_PATH))
                        .willReturn(aResponse().withStatus(204)));
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();

        Events.publish(
                "case-events",
                "case.assigned.v1",
                complaintId,
                Events.caseEvent(complaintId, trackingNumber, ThirdParties.WEBHOOK_DEPARTMENT, "ASSIGNED"));

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT"
                        .equals(NotificationRows.one(pool, trackingNumber, "WEBHOOK")
                                .status()));
        assertEquals(
                "SENT", NotificationRows.one(pool, trackingNumber, "IN_APP").status());
        List<LoggedRequest> pushes = ThirdParties.wireMock()
                .findAll(postRequestedFor(urlEqualTo(ThirdParties.WEBHOOK_PATH))
                        .withRequestBody(containing(trackingNumber)));
        assertEquals(1, pushes.size());
        LoggedRequest push = pushes.get(0);
        String body = push.getBodyAsString();
        long timestamp = Long.parseLong(push.getHeader("X-Timestamp"));
        String departmentKey = WebhookSignature.departmentKey(KEY, ThirdParties.WEBHOOK_DEPARTMENT);
        assertEquals(WebhookSignature.sign(departmentKey, timestamp, body), push.getHeader("X-Signature"));
        assertEquals("v1", push.getHeader("X-Signature-Key-Id")); // which key, so that the key can rotate
        assertNotEquals(WebhookSignature.sign(departmentKey, timestamp + 1, body), push.getHeader("X-Signature"));
        assertTrue(
                WebhookSignature.verify(
                        departmentKey,
                        push.getHeader("X-Timestamp"),
                        body,
                        push.getHeader("X-Signature"),
                        java.time.Instant.ofEpochSecond(timestamp)),
                "the department's own key verifies it");
        assertFalse(
                WebhookSignature.verify(
                        WebhookSignature.departmentKey(KEY, "360100-AMR"),
                        push.getHeader("X-Timestamp"),
                        body,
                        push.getHeader("X-Signature"),
                        java.time.Instant.ofEpochSecond(timestamp)),
                "another department's key does not");
        assertFalse(
                WebhookSignature.verify(
                        KEY,
                        push.getHeader("X-Timestamp"),
                        body,
                        push.getHeader("X-Signature"),
                        java.time.Instant.ofEpochSecond(timestamp)),
                "nor does the master key itself");
        JsonObject json = new JsonObject(body);
        assertEquals("case.assigned.v1", json.getString("eventType"));
        assertEquals(ThirdParties.WEBHOOK_DEPARTMENT, json.getString("departmentCode"));
        assertEquals(complaintId.toString(), json.getJsonObject("data").getString("complaintId"));
    }

    @Test
    void aDepartmentWithoutAWebhookGetsOnlyItsInbox() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();

        Events.publish(
                "case-events",
                "case.deadline-near.v1",
                complaintId,
                Events.deadlineAlert(complaintId, trackingNumber, "360100-AMR", false));

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 1);
        assertEquals("IN_APP", NotificationRows.of(pool, trackingNumber).get(0).channel());
    }
}
