package cn.jxquality.notify.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A malformed event goes to notify-service-dlq with the reason, and the partition moves on. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class PoisonMessageTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    @Test
    void anEventWithoutComplaintIdIsDeadLetteredAndTheNextOneIsStillHandled() {
        UUID key = UUID.randomUUID();
        assertDeadLettered(
                key, "complaint-events", "complaint.received.v1", "{\"trackingNumber\":\"JX20261125000000\"}");
        String next = Events.trackingNumber();
        Events.publish("complaint-events", "complaint.received.v1", key, Events.complaintReceived(key, next, false));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, next).size() == 2);
    }

    @Test
    void aRewardEventWithoutComplaintIdIsDeadLetteredAndTheNextOneIsStillHandled() {
        UUID key = UUID.randomUUID();
        String poison = Events.reward(key, Events.trackingNumber(), "PAID").replace("\"complaintId\"", "\"complaint\"");
        assertDeadLettered(key, "reward-events", "reward.paid.v1", poison);
        String next = Events.trackingNumber();
        Events.publish("reward-events", "reward.paid.v1", key, Events.reward(key, next, "PAID"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, next).size() == 2);
    }

    /** "Not settled" must not pass for "settled", nor the reverse: an answer without its outcome is malformed. */
    @Test
    void anEnterprisesAnswerWithoutItsOutcomeIsDeadLetteredAndTheNextOneIsStillHandled() {
        UUID key = UUID.randomUUID();
        String number = Events.trackingNumber();
        String poison =
                Events.enterpriseResponded(key, number, true).replace("\"settled\":true", "\"settled\":\"yes\"");
        assertDeadLettered(key, "complaint-events", "complaint.enterprise-responded.v1", poison, "settled");
        String next = Events.trackingNumber();
        Events.publish(
                "complaint-events",
                "complaint.enterprise-responded.v1",
                key,
                Events.enterpriseResponded(key, next, true));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, next).size() == 2);
    }

    private void assertDeadLettered(UUID key, String topic, String type, String data) {
        assertDeadLettered(key, topic, type, data, "complaintId");
    }

    private void assertDeadLettered(UUID key, String topic, String type, String data, String reasonNames) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> dlq = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("test-" + UUID.randomUUID())
                    .fromTopics(prefix + "notify-service-dlq");
            ProducerRecord<String, String> poison = new ProducerRecord<>(prefix + topic, key.toString(), data);
            poison.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_source", "urn:jxquality:test".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(poison).awaitCompletion();

            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> dlq.getRecords().stream()
                                    .filter(r -> key.toString().equals(r.key()))
                                    .findFirst()
                                    .orElse(null),
                            java.util.Objects::nonNull);
            String reason =
                    new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason, containsString(reasonNames));
        }
    }
}
