package cn.jxquality.notify.delivery;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A mobile or e-mail given on the web that its owner has not confirmed (issue 17, item 5: anyone could have typed it)
 * hears the receipt, with the link and code that confirm it, and nothing else; once confirmed it hears everything.
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class UnconfirmedContactTest {

    @Inject
    Pool pool;

    @Test
    void anUnconfirmedAddressHearsOnlyTheReceiptWithItsConfirmationLink() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        String email = "w" + complaintId.toString().substring(0, 8) + "@example.cn";
        Stubs.unconfirmedContact(complaintId, mobile, email, "zh-CN");
        Stubs.smsGateway(mobile, 200);

        receivedThenAccepted(complaintId, trackingNumber);

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 4
                        && NotificationRows.of(pool, trackingNumber).stream()
                                .noneMatch(r -> r.status().equals("PENDING")));
        NotificationRows.Stored receipt = NotificationRows.one(pool, trackingNumber, "SMS", "complaint.received.v1");
        assertEquals("SENT", receipt.status());
        assertThat(
                receipt.body(),
                containsString("/confirm-contact?medium=SMS&trackingNumber=" + trackingNumber + "&code=SMS2CODE"));
        NotificationRows.Stored mail = NotificationRows.one(pool, trackingNumber, "EMAIL", "complaint.received.v1");
        assertThat(mail.body(), containsString("medium=EMAIL&trackingNumber=" + trackingNumber + "&code=MAIL2CDE"));
        for (String channel : new String[] {"SMS", "EMAIL"}) {
            NotificationRows.Stored accepted = NotificationRows.one(pool, trackingNumber, channel, "case.accepted.v1");
            assertEquals("SKIPPED", accepted.status(), channel);
            assertThat(accepted.lastError(), containsString("not confirmed"));
        }
    }

    /**
     * A complaint sent to an ODR enterprise first has its receipt then: the unconfirmed address hears it, with its
     * confirmation link, and not the settlement the enterprise reports.
     */
    @Test
    void anUnconfirmedAddressHearsTheOdrReceiptButNotTheSettlement() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        Stubs.unconfirmedContact(complaintId, mobile, null, "zh-CN");
        Stubs.smsGateway(mobile, 200);

        Events.publish(
                "complaint-events",
                "complaint.sent-to-enterprise.v1",
                complaintId,
                Events.sentToEnterprise(complaintId, trackingNumber, null));
        Events.publish(
                "complaint-events",
                "complaint.enterprise-responded.v1",
                complaintId,
                Events.enterpriseResponded(complaintId, trackingNumber, true));

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 5 // the enterprise's in-app too
                        && NotificationRows.of(pool, trackingNumber).stream()
                                .noneMatch(r -> r.status().equals("PENDING")));
        NotificationRows.Stored receipt =
                NotificationRows.one(pool, trackingNumber, "SMS", "complaint.sent-to-enterprise.v1");
        assertEquals("SENT", receipt.status());
        assertThat(receipt.body(), containsString("企业应于 2026-12-09 前答复"));
        assertThat(
                receipt.body(),
                containsString("/confirm-contact?medium=SMS&trackingNumber=" + trackingNumber + "&code=SMS2CODE"));
        NotificationRows.Stored settled =
                NotificationRows.one(pool, trackingNumber, "SMS", "complaint.enterprise-responded.v1");
        assertEquals("SKIPPED", settled.status());
        assertThat(settled.lastError(), containsString("not confirmed"));
    }

    @Test
    void aConfirmedAddressHearsEverythingAndItsReceiptAsksNothing() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        Stubs.contact(complaintId, mobile, null, "zh-CN");
        Stubs.smsGateway(mobile, 200);

        receivedThenAccepted(complaintId, trackingNumber);

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).stream()
                                .filter(r ->
                                        r.channel().equals("SMS") && r.status().equals("SENT"))
                                .count()
                        == 2);
        assertThat(
                NotificationRows.one(pool, trackingNumber, "SMS", "complaint.received.v1")
                        .body(),
                org.hamcrest.Matchers.not(containsString("confirm-contact")));
    }

    /** The citizen's receipt, then the case's acceptance: the second is a notice an unconfirmed address must not hear. */
    private static void receivedThenAccepted(UUID complaintId, String trackingNumber) {
        Events.publish(
                "complaint-events",
                "complaint.received.v1",
                complaintId,
                Events.complaintReceived(complaintId, trackingNumber, false));
        Events.publish(
                "case-events",
                "case.accepted.v1",
                complaintId,
                Events.caseTransitioned(complaintId, trackingNumber, "360100-AMR", null, "ACCEPTED", null, null));
    }
}
