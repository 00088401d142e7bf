package cn.jxquality.notify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.Mailbox;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reporter hears the reward steps on reward-events by SMS and e-mail, once each, in the language they chose. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class RewardNotificationTest {

    @Inject
    Pool pool;

    @Test
    void aRewardNoticeDeliveredThreeTimesReachesTheReporterOncePerChannelInEnglish() throws Exception {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        String email = "r" + complaintId.toString().substring(0, 8) + "@example.com";
        Stubs.contact(complaintId, mobile, email, "en");
        Stubs.smsGateway(mobile, 200);

        Events.publish(
                "reward-events",
                "reward.notified.v1",
                UUID.randomUUID().toString(),
                complaintId,
                Events.reward(complaintId, trackingNumber, "NOTIFIED"),
                3);

        MimeMessage mail =
                await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.only(Mailbox.to(email)), Objects::nonNull);
        assertEquals("Jiangxi quality complaint " + trackingNumber + ": progress update", mail.getSubject());
        String text = mail.getContent().toString();
        assertThat(text, containsString("a reward of CNY 3,000.00"));
        assertThat(text, containsString("by 2027-01-15 17:30 Beijing time"));
        assertThat(
                text,
                containsString("/reward-claim?trackingNumber=" + trackingNumber
                        + " with your tracking number and query code"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).stream()
                        .allMatch(r -> r.status().equals("SENT")));
        ThirdParties.wireMock().verify(1, Stubs.smsTo(mobile).withRequestBody(containing("CNY 3,000.00")));

        // the steps the reporter does not hear about, then one they do, on the same key (consumed in order)
        Events.publish(
                "reward-events",
                "reward.approved.v1",
                complaintId,
                Events.reward(complaintId, trackingNumber, "APPROVED"));
        Events.publish(
                "reward-events",
                "reward.claimed.v1",
                complaintId,
                Events.reward(complaintId, trackingNumber, "CLAIMED"));
        Events.publish(
                "reward-events", "reward.paid.v1", complaintId, Events.reward(complaintId, trackingNumber, "PAID"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 4
                        && NotificationRows.of(pool, trackingNumber).stream()
                                .allMatch(r -> r.status().equals("SENT")));

        List<NotificationRows.Stored> rows = NotificationRows.of(pool, trackingNumber);
        assertEquals(
                List.of("reward.notified.v1", "reward.notified.v1", "reward.paid.v1", "reward.paid.v1"),
                rows.stream().map(NotificationRows.Stored::eventType).sorted().toList());
        rows.forEach(row -> assertEquals(1, row.attempts(), row.eventType() + " " + row.channel()));
        rows.forEach(row -> assertEquals("en", row.language()));
        rows.forEach(row -> assertThat(row.recipient(), not(containsString(mobile))));
        assertEquals(2, Mailbox.to(email).size());
        ThirdParties.wireMock().verify(2, Stubs.smsTo(mobile));
    }

    @Test
    void aRejectionReachesTheReporterInChineseWithItsReason() throws Exception {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String email = "j" + complaintId.toString().substring(0, 8) + "@example.cn";
        Stubs.contact(complaintId, null, email, "zh-CN");

        Events.publish(
                "reward-events",
                "reward.rejected.v1",
                complaintId,
                Events.reward(complaintId, trackingNumber, "REJECTED"));

        MimeMessage mail =
                await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.only(Mailbox.to(email)), Objects::nonNull);
        assertEquals("江西质量投诉 " + trackingNumber + " 办理进度通知", mail.getSubject());
        assertThat(mail.getContent().toString(), containsString("的奖励未获批准。理由：举报事项与查处事实不符"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> NotificationRows.one(pool, trackingNumber, "SMS")
                        .status()
                        .equals("SKIPPED"));
    }
}
