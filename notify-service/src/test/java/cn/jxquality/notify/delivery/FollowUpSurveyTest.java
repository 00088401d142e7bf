package cn.jxquality.notify.delivery;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The follow-up survey (回访): a resolved case's closing asks the citizen for a 1–5 rating; a refused one's does not. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class FollowUpSurveyTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "notify.public.base-url")
    String publicUrl;

    @Test
    void closingAResolvedCaseInvitesTheCitizenToRateIt() throws Exception {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        String email = "s" + complaintId.toString().substring(0, 8) + "@example.cn";
        Stubs.contact(complaintId, mobile, email, "zh-CN");
        Stubs.smsGateway(mobile, 200);

        Events.publish(
                "case-events",
                "case.closed.v1",
                UUID.randomUUID().toString(),
                complaintId,
                Events.caseTransitioned(complaintId, trackingNumber, "360100-AMR", null, "CLOSED", "MEDIATED", null),
                2);

        MimeMessage mail =
                await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.only(Mailbox.to(email)), Objects::nonNull);
        assertThat(
                mail.getContent().toString(),
                containsString("评分（1–5 分，5 分为非常满意）：访问 " + publicUrl + "/rate?trackingNumber=" + trackingNumber
                        + " ，凭提交时获得的查询码提交评分"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).stream()
                        .allMatch(r -> r.status().equals("SENT")));
        List<NotificationRows.Stored> rows = NotificationRows.of(pool, trackingNumber);
        assertEquals(
                List.of("EMAIL", "SMS"),
                rows.stream().map(NotificationRows.Stored::channel).toList());
        rows.forEach(row -> assertEquals(1, row.attempts()));
        ThirdParties.wireMock().verify(1, Stubs.smsTo(mobile));
    }

    @Test
    void closingARefusedCaseSendsNoSurvey() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        Stubs.contact(complaintId, Stubs.mobile(), null, "zh-CN");

        Events.publish(
                "case-events",
                "case.closed.v1",
                complaintId,
                Events.caseTransitioned(
                        complaintId, trackingNumber, "360100-AMR", null, "CLOSED", null, "不予受理 Refused"));
        // a later event on the same key is consumed after the closing: the closing had its turn
        String marker = Events.trackingNumber();
        Events.publish(
                "case-events",
                "case.assigned.v1",
                complaintId,
                Events.caseEvent(complaintId, marker, "360100-AMR", "ASSIGNED"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, marker).size() == 1);
        assertEquals(List.of(), NotificationRows.of(pool, trackingNumber));
    }
}
