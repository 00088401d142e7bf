package cn.jxquality.notify.delivery;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the citizen hears, once per channel however often the event comes, by SMS and by e-mail (GreenMail). */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class CitizenNotificationTest {

    /** The public note case-service writes on a mediated resolution, with the department's own words. */
    static final String RESOLVED_NOTE = "调解成功 Mediated: the parties reached an agreement — 经调解，商家同意退款";

    @Inject
    Pool pool;

    @Test
    void anEventDeliveredThreeTimesYieldsOneSmsAndOneEmail() throws Exception {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        String email = "c" + complaintId.toString().substring(0, 8) + "@example.cn";
        Stubs.contact(complaintId, mobile, email, "zh-CN");
        Stubs.smsGateway(mobile, 200);

        Events.publish(
                "complaint-events",
                "complaint.received.v1",
                UUID.randomUUID().toString(),
                complaintId,
                Events.complaintReceived(complaintId, trackingNumber, false),
                3);

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).stream()
                                .allMatch(r -> r.status().equals("SENT"))
                        && mailsTo(email).size() == 1);
        // a later event on the same key is consumed after all three deliveries: none of them added anything
        String marker = Events.trackingNumber();
        Events.publish(
                "complaint-events",
                "complaint.received.v1",
                complaintId,
                Events.complaintReceived(complaintId, marker, false));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, marker).size() == 2);
        List<NotificationRows.Stored> rows = NotificationRows.of(pool, trackingNumber);
        assertEquals(
                List.of("EMAIL", "SMS"),
                rows.stream().map(NotificationRows.Stored::channel).toList());
        rows.forEach(row -> assertEquals(1, row.attempts()));
        ThirdParties.wireMock()
                .verify(
                        1,
                        Stubs.smsTo(mobile)
                                .withRequestBody(
                                        com.github.tomakehurst.wiremock.client.WireMock.containing(trackingNumber)));
        NotificationRows.Stored sms = NotificationRows.one(pool, trackingNumber, "SMS");
        assertThat(sms.body(), containsString(trackingNumber));
        assertThat(sms.body(), containsString("已登记"));
        assertThat(sms.body(), not(containsString(mobile)));
        assertThat(sms.recipient(), not(containsString(mobile)));
    }

    @Test
    void anEmailArrivesInTheLanguageTheCitizenChose() throws Exception {
        UUID english = UUID.randomUUID();
        UUID chinese = UUID.randomUUID();
        String englishAddress = "en-" + english.toString().substring(0, 8) + "@example.com";
        String chineseAddress = "zh-" + chinese.toString().substring(0, 8) + "@example.cn";
        Stubs.contact(english, null, englishAddress, "en");
        Stubs.contact(chinese, null, chineseAddress, "zh-CN");
        String englishNumber = Events.trackingNumber();
        String chineseNumber = Events.trackingNumber();

        Events.publish(
                "case-events",
                "case.resolved.v1",
                english,
                Events.caseTransitioned(
                        english, englishNumber, "360100-AMR", null, "RESOLVED", "MEDIATED", RESOLVED_NOTE));
        Events.publish(
                "case-events",
                "case.resolved.v1",
                chinese,
                Events.caseTransitioned(
                        chinese, chineseNumber, "360100-AMR", null, "RESOLVED", "MEDIATED", RESOLVED_NOTE));

        MimeMessage inEnglish = await().atMost(Duration.ofSeconds(20))
                .until(() -> only(mailsTo(englishAddress)), java.util.Objects::nonNull);
        MimeMessage inChinese = await().atMost(Duration.ofSeconds(20))
                .until(() -> only(mailsTo(chineseAddress)), java.util.Objects::nonNull);
        assertEquals("Jiangxi quality complaint " + englishNumber + ": progress update", inEnglish.getSubject());
        assertThat(inEnglish.getContent().toString(), containsString("has been resolved"));
        assertThat(inEnglish.getContent().toString(), containsString("经调解")); // the public note as written
        assertEquals("江西质量投诉 " + chineseNumber + " 办理进度通知", inChinese.getSubject());
        assertThat(inChinese.getContent().toString(), containsString("已办结"));
        assertEquals("en", NotificationRows.one(pool, englishNumber, "EMAIL").language());
        // no mobile in either contact: the SMS is skipped, not failed
        assertEquals("SKIPPED", NotificationRows.one(pool, englishNumber, "SMS").status());
    }

    @Test
    void anAnonymousReportWithoutContactHearsNothing() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        Stubs.noContact(complaintId);

        Events.publish(
                "complaint-events",
                "complaint.received.v1",
                complaintId,
                Events.complaintReceived(complaintId, trackingNumber, true));

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 2
                        && NotificationRows.of(pool, trackingNumber).stream()
                                .allMatch(r -> r.status().equals("SKIPPED")));
        assertThat(NotificationRows.one(pool, trackingNumber, "SMS").lastError(), containsString("no contact"));
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(ThirdParties.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static MimeMessage only(List<MimeMessage> mails) {
        return mails.size() == 1 ? mails.get(0) : null;
    }
}
