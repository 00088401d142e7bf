package cn.jxquality.notify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An SMS and an e-mail about one event go to the same citizen: within one dispatcher pass complaint-service is
 * asked for the contact once, and each notice still gets its own channel's address; the next pass asks again
 * (nothing personal is kept beyond a pass).
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class PassLookupsTest {

    @Inject
    Targets targets;

    @Test
    void aPassAsksForACitizensContactOnce() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        Stubs.contact(complaintId, mobile, "citizen@example.org", "en");

        Targets.Pass pass = targets.pass();
        Target sms = pass.of(notice(complaintId, trackingNumber, NotificationChannel.SMS))
                .await()
                .atMost(Duration.ofSeconds(10));
        Target email = pass.of(notice(complaintId, trackingNumber, NotificationChannel.EMAIL))
                .await()
                .atMost(Duration.ofSeconds(10));

        assertEquals(mobile, sms.address());
        assertEquals("citizen@example.org", email.address());
        assertEquals("en", email.language());
        ThirdParties.wireMock().verify(1, getRequestedFor(urlEqualTo(Stubs.contactPath(complaintId))));

        targets.pass()
                .of(notice(complaintId, trackingNumber, NotificationChannel.SMS))
                .await()
                .atMost(Duration.ofSeconds(10));
        ThirdParties.wireMock().verify(2, getRequestedFor(urlEqualTo(Stubs.contactPath(complaintId))));
    }

    private static PendingNotification notice(UUID complaintId, String trackingNumber, NotificationChannel channel) {
        return new PendingNotification(
                UUID.randomUUID(),
                UUID.randomUUID().toString(),
                "case.accepted.v1",
                complaintId,
                trackingNumber,
                "citizen:" + complaintId,
                RecipientKind.CITIZEN,
                channel,
                "case-accepted-citizen",
                "zh-CN",
                "{}",
                0,
                null,
                false);
    }
}
