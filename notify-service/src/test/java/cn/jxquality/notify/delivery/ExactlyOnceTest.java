package cn.jxquality.notify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One event delivered three times reaches each recipient once on each of the four channels. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class ExactlyOnceTest {

    @Inject
    Pool pool;

    @Test
    void aTransferDeliveredThreeTimesIsOneMessagePerRecipientAndChannel() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        String email = "t" + complaintId.toString().substring(0, 8) + "@example.cn";
        Stubs.contact(complaintId, mobile, email, "zh-CN");
        Stubs.smsGateway(mobile, 200);
        ThirdParties.wireMock()
                .stubFor(post(urlEqualTo(ThirdParties.WEBHOOK_PATH))
                        .willReturn(aResponse().withStatus(204)));

        Events.publish(
                "case-events",
                "case.transferred.v1",
                UUID.randomUUID().toString(),
                complaintId,
                Events.caseTransitioned(
                        complaintId,
                        trackingNumber,
                        ThirdParties.WEBHOOK_DEPARTMENT,
                        "360100-AMR",
                        "ASSIGNED",
                        null,
                        "移送 Transferred to the responsible department " + ThirdParties.WEBHOOK_DEPARTMENT),
                3);

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> {
            List<NotificationRows.Stored> rows = NotificationRows.of(pool, trackingNumber);
            return rows.size() >= 4
                    && rows.stream().allMatch(row -> row.status().equals("SENT"));
        });
        // a later event on the same key is consumed after all three deliveries: none of them is still to come
        String marker = Events.trackingNumber();
        Events.publish(
                "case-events",
                "case.assigned.v1",
                complaintId,
                Events.caseEvent(complaintId, marker, "360100-AMR", "ASSIGNED"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, marker).size() == 1);

        List<NotificationRows.Stored> rows = NotificationRows.of(pool, trackingNumber);
        assertEquals(
                List.of("EMAIL", "IN_APP", "SMS", "WEBHOOK"),
                rows.stream().map(NotificationRows.Stored::channel).toList());
        rows.forEach(row -> assertEquals(1, row.attempts(), row.channel() + " tries"));
        ThirdParties.wireMock().verify(1, Stubs.smsTo(mobile));
        ThirdParties.wireMock()
                .verify(
                        1,
                        postRequestedFor(urlEqualTo(ThirdParties.WEBHOOK_PATH))
                                .withRequestBody(containing(trackingNumber)));
        assertEquals(1, mailsTo(email));
    }

    private static long mailsTo(String address) {
        return Arrays.stream(ThirdParties.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .count();
    }
}
