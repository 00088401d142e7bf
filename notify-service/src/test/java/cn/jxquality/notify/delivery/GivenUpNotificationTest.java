package cn.jxquality.notify.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A notification given up by a replica that died before notification-dlq acknowledged it: when its lease has run
 * out, the next dispatcher publishes the dead letter and marks it FAILED, and does not try the gateway again.
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class GivenUpNotificationTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    /** The service's clock: in tests 10:00 in Shanghai today, behind or ahead of real time by up to a day. */
    @Inject
    Clock clock;

    @Test
    void itsDeadLetterIsPublishedAgainAndItIsNeverSentAgain() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        Stubs.contact(complaintId, mobile, null, "zh-CN");
        Stubs.smsGateway(mobile, 200); // the gateway would take it now: it must not be asked
        UUID id = UUID.randomUUID();
        // the service's "now", not the wall clock's: a lease that ran out by the wall clock may not have by the
        // service's (the test clock stands at 10:00 in Shanghai, so after 02:00 UTC it is behind)
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> dlq = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("test-" + UUID.randomUUID())
                    .fromTopics(prefix + "notification-dlq");
            pool.preparedQuery("""
                            insert into notification (id, event_id, event_type, complaint_id, tracking_number, recipient,
                              recipient_kind, channel, template, language, status, attempts, last_error, created_at,
                              event_data, next_attempt_at, lease_until, given_up_at)
                            values ($1, $2, 'complaint.received.v1', $3, $4, $5, 'CITIZEN', 'SMS',
                              'complaint-received-citizen', 'zh-CN', 'PENDING', 1, 'HTTP 400 from the SMS gateway',
                              $6, $7, $8, $9, $10)""")
                    .execute(Tuple.from(Arrays.asList(
                            id,
                            UUID.randomUUID().toString(),
                            complaintId,
                            trackingNumber,
                            "citizen:" + complaintId,
                            now.minusMinutes(2),
                            Events.complaintReceived(complaintId, trackingNumber, false),
                            // due since long ago, so the next lease takes it before rows other tests left due
                            now.minusDays(1),
                            now.minusSeconds(1), // the dead replica's lease has run out
                            now.minusMinutes(2))))
                    .await()
                    .atMost(Duration.ofSeconds(5));

            JsonObject deadLetter = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> dlq.getRecords().stream()
                                    .map(ConsumerRecord::value)
                                    .map(JsonObject::new)
                                    .filter(json -> id.toString().equals(json.getString("notificationId")))
                                    .findFirst()
                                    .orElse(null),
                            java.util.Objects::nonNull);
            assertEquals(1, deadLetter.getInteger("attempts"));
            assertEquals("HTTP 400 from the SMS gateway", deadLetter.getString("reason"));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> NotificationRows.one(pool, trackingNumber, "SMS")
                        .status()
                        .equals("FAILED"));
        assertEquals(1, NotificationRows.one(pool, trackingNumber, "SMS").attempts());
        ThirdParties.wireMock().verify(0, Stubs.smsTo(mobile));
    }
}
