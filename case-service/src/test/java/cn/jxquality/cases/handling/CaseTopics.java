package cn.jxquality.cases.handling;

import static org.awaitility.Awaitility.await;

import cn.jxquality.cases.ComplaintEvents;
import cn.jxquality.cases.EventSchemas;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Opens cases by publishing {@code complaint.received.v1} as complaint-service does, and reads {@code case-events}. */
public final class CaseTopics implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaCompanion kafka;
    private final String prefix;
    private final ConsumerTask<String, String> caseEvents;

    /** A case opened for a test: its id and the complaint it came from. */
    public record OpenedCase(UUID id, UUID complaintId, String trackingNumber) {}

    public CaseTopics() {
        Config config = ConfigProvider.getConfig();
        kafka = new KafkaCompanion(config.getValue("kafka.bootstrap.servers", String.class));
        prefix = config.getValue("suite.topic-prefix", String.class);
        caseEvents = kafka.consumeStrings().fromTopics(prefix + "case-events");
    }

    /** Publishes a received complaint and waits until case-service announced the case ({@code announcedAs}). */
    public OpenedCase open(String kind, String category, String region, String announcedAs) {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = ComplaintEvents.trackingNumber();
        kafka.produceStrings()
                .fromRecords(ComplaintEvents.received(
                        prefix + "complaint-events",
                        UUID.randomUUID().toString(),
                        complaintId,
                        trackingNumber,
                        kind,
                        category,
                        region))
                .awaitCompletion();
        JsonNode announced = awaitEvent(complaintId, announcedAs);
        return new OpenedCase(UUID.fromString(announced.get("caseId").asText()), complaintId, trackingNumber);
    }

    /** A Nanchang complaint about food, routed to 360100-AMR. */
    public OpenedCase openNanchangComplaint() {
        return open("COMPLAINT", "PRODUCT.FOOD", "360100", "case.assigned.v1");
    }

    /** The data of the event of {@code type} about the complaint, once published; checked against its schema. */
    public JsonNode awaitEvent(UUID complaintId, String type) {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> records(complaintId).stream()
                                .filter(r -> type.equals(header(r, "ce_type")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        JsonNode data = parse(record.value());
        EventSchemas.assertValid(type, data);
        return data;
    }

    /** Checks every event published about the complaint so far against the schema of its type. */
    public void assertAllMatchTheirSchemas(UUID complaintId) {
        records(complaintId).forEach(r -> EventSchemas.assertValid(header(r, "ce_type"), parse(r.value())));
    }

    /** The CloudEvent types published about the complaint so far, in order. */
    public List<String> types(UUID complaintId) {
        return records(complaintId).stream().map(r -> header(r, "ce_type")).toList();
    }

    private List<ConsumerRecord<String, String>> records(UUID complaintId) {
        return caseEvents.getRecords().stream()
                .filter(r -> complaintId.toString().equals(r.key()))
                .toList();
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        caseEvents.stop();
        kafka.close();
    }
}
