package cn.jxquality.notify.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A dispatcher pass asks complaint-service once for the contacts of all the citizens its notices go to (an SMS
 * and an e-mail about one event share one), and each notice still gets its own channel's address; the next pass
 * asks again (nothing personal is kept beyond a pass).
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class PassLookupsTest {

    @Inject
    Targets targets;

    @Test
    void aPassAsksForAllItsCitizensContactsInOneLookUp() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String mobile = Stubs.mobile();
        Stubs.contact(first, mobile, "citizen@example.org", "en");
        Stubs.contact(second, Stubs.mobile(), null, "zh-CN");
        PendingNotification sms = notice(first, NotificationChannel.SMS, false);
        PendingNotification email = notice(first, NotificationChannel.EMAIL, false);
        PendingNotification secondEmail = notice(second, NotificationChannel.EMAIL, false);

        Targets.Pass pass = targets.pass(List.of(sms, email, secondEmail));
        Target toMobile = await(pass.of(sms));
        Target toAddress = await(pass.of(email));
        Target nowhere = await(pass.of(secondEmail));

        assertEquals(mobile, toMobile.address());
        assertEquals("citizen@example.org", toAddress.address());
        assertEquals("en", toAddress.language());
        assertTrue(nowhere.skipped(), "the second citizen has no e-mail");
        List<LoggedRequest> lookups = ThirdParties.wireMock().findAll(Stubs.contactLookupsOf(first));
        assertEquals(1, lookups.size(), "one look-up for the pass");
        assertTrue(lookups.get(0).getBodyAsString().contains(second.toString()), "it asked for both citizens");

        await(targets.pass(List.of(sms)).of(sms));
        ThirdParties.wireMock().verify(2, Stubs.contactLookupsOf(first)); // nothing kept beyond a pass
    }

    @Test
    void aNoticeThePassWasNotToldOfIsLookedUpAloneAndAnOptedOutCitizenNotAtAll() {
        UUID told = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID optedOut = UUID.randomUUID();
        String otherMobile = Stubs.mobile();
        Stubs.contact(told, Stubs.mobile(), null, "zh-CN");
        Stubs.contact(other, otherMobile, null, "zh-CN");
        Stubs.contact(optedOut, Stubs.mobile(), null, "zh-CN");
        PendingNotification silent = notice(optedOut, NotificationChannel.SMS, true);

        Targets.Pass pass = targets.pass(List.of(notice(told, NotificationChannel.SMS, false), silent));
        assertEquals(
                otherMobile,
                await(pass.of(notice(other, NotificationChannel.SMS, false))).address());
        assertEquals("the citizen opted out", await(pass.of(silent)).skipReason());

        ThirdParties.wireMock().verify(1, Stubs.contactLookupsOf(other));
        ThirdParties.wireMock().verify(0, Stubs.contactLookupsOf(told)); // nothing of the pass's own was needed yet
        ThirdParties.wireMock().verify(0, Stubs.contactLookupsOf(optedOut));
    }

    private static Target await(Uni<Target> target) {
        return target.await().atMost(Duration.ofSeconds(10));
    }

    private static PendingNotification notice(UUID complaintId, NotificationChannel channel, boolean optedOut) {
        return new PendingNotification(
                UUID.randomUUID(),
                UUID.randomUUID().toString(),
                "case.accepted.v1",
                complaintId,
                Events.trackingNumber(),
                "citizen:" + complaintId,
                RecipientKind.CITIZEN,
                channel,
                "case-accepted-citizen",
                "zh-CN",
                "{}",
                0,
                null,
                false,
                optedOut,
                false);
    }
}
