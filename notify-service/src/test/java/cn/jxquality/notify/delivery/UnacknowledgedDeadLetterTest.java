package cn.jxquality.notify.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Exactly once holds even when notification-dlq never acknowledges: a notification given up for good is not sent
 * again when its lease runs out, however many tries it had left; only its dead-letter record is published again.
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
@TestProfile(UnacknowledgedDeadLetterTest.BrokerOfTheDeadLetterTopicAway.class)
class UnacknowledgedDeadLetterTest {

    /** notification-dlq's producer talks to a port where no broker listens; leases run out after 2 s. */
    public static class BrokerOfTheDeadLetterTopicAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.notification-dlq.bootstrap.servers", "127.0.0.1:9",
                    "mp.messaging.outgoing.notification-dlq.max.block.ms", "500",
                    "mp.messaging.outgoing.notification-dlq.delivery.timeout.ms", "1000",
                    "mp.messaging.outgoing.notification-dlq.request.timeout.ms", "500",
                    "notify.delivery.lease", "2S");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aPermanentRefusalWhoseDeadLetterIsNeverAcknowledgedIsNotSentAgainAfterTheLease() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        Stubs.contact(complaintId, mobile, null, "zh-CN");
        Stubs.smsGateway(mobile, 400); // final on the first try: four tries would be left by the count

        Events.publish(
                "complaint-events",
                "complaint.received.v1",
                complaintId,
                Events.complaintReceived(complaintId, trackingNumber, false));

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.one(pool, trackingNumber, "SMS").attempts() >= 1);
        // several 2 s leases run out while the dead-letter record waits for an ack that never comes
        await().during(Duration.ofSeconds(7))
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        ThirdParties.wireMock().findAll(Stubs.smsTo(mobile)).size() == 1);
        NotificationRows.Stored sms = NotificationRows.one(pool, trackingNumber, "SMS");
        assertEquals(1, sms.attempts());
        assertEquals("PENDING", sms.status()); // FAILED only once notification-dlq has the record
    }
}
