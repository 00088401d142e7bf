package cn.jxquality.complaint.outbox;

import static org.awaitility.Awaitility.await;

import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A committed intake wakes the relay: its event does not wait for the next idle poll (here a minute away). */
@QuarkusTest
@TestProfile(OutboxWakeTest.SlowIdlePoll.class)
class OutboxWakeTest {

    public static class SlowIdlePoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.idle-poll", "PT60S");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    @Test
    void anAcceptedComplaintIsPublishedAtOnceThoughTheRelayIdles() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topicPrefix + "complaint-events");
            // the first one may still meet the relay's first pass after start; the second finds it idle
            for (int i = 0; i < 2; i++) {
                String trackingNumber = Submissions.submitWebComplaint();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> records.getRecords().stream()
                                .anyMatch(r -> trackingNumber.equals(
                                        subject(r.headers().lastHeader("ce_subject")))));
            }
            records.stop();
        }
    }

    private static String subject(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
