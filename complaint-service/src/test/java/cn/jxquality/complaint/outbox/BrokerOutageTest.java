package cn.jxquality.complaint.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.CaseServiceEvents;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.platform.outbox.EventPublisher;
import cn.jxquality.platform.outbox.OutboxTopics;
import cn.jxquality.platform.outbox.PendingEvent;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The broker down at intake: the complaint is still accepted (201), because its event waits in the outbox, committed
 * with it; it leaves once the broker is back, once. The broker's absence is played by a publisher that refuses while
 * it is "down" and otherwise sends through the real one.
 */
@QuarkusTest
class BrokerOutageTest {

    @Inject
    Pool pool;

    @Inject
    Instance<OutboxTopics> topics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    static class Broker extends EventPublisher {
        final AtomicBoolean up = new AtomicBoolean(false);

        Broker(Instance<OutboxTopics> topics) {
            super(topics);
        }

        @Override
        public Uni<Void> publish(PendingEvent event) {
            return up.get()
                    ? super.publish(event)
                    : Uni.createFrom()
                            .failure(new IllegalStateException("Topic complaint-events not present in metadata"));
        }
    }

    @Test
    void aComplaintIsAcceptedWhileTheBrokerIsDownAndAnnouncedOnceItIsBack() {
        Broker broker = new Broker(topics);
        QuarkusMock.installMockForType(broker, EventPublisher.class);

        String trackingNumber = Submissions.submitWebComplaint();

        String outboxRow = """
                select o.attempts, o.last_error, o.sent_at is not null as sent from outbox_event o
                join complaint c on c.id = o.aggregate_id where c.tracking_number = $1""";
        Row refused = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Db.rows(pool, outboxRow, trackingNumber).get(0),
                        row -> row.getInteger("attempts") >= 1 && row.getString("last_error") != null);
        assertTrue(refused.getString("last_error").contains("not present in metadata"));
        assertEquals(false, refused.getBoolean("sent"));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topicPrefix + "complaint-events");
            broker.up.set(true);
            // the relay tries the row again after its retry delay (outbox.retry-delay-seconds, 5 s)
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Db.rows(pool, outboxRow, trackingNumber).get(0).getBoolean("sent"));
            await().atMost(Duration.ofSeconds(10)).until(() -> announcements(records, trackingNumber) == 1);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> announcements(records, trackingNumber) == 1);
            records.stop();
        }
    }

    private static long announcements(ConsumerTask<String, String> records, String trackingNumber) {
        return records.getRecords().stream()
                .filter(r -> trackingNumber.equals(CaseServiceEvents.header(r, "ce_subject")))
                .count();
    }
}
