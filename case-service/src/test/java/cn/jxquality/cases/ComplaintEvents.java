package cn.jxquality.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * complaint-service's events as it publishes them, for feeding case-service in tests; {@code ComplaintEventContractTest}
 * holds them to complaint-service's published JSON Schemas.
 */
public final class ComplaintEvents {

    private ComplaintEvents() {}

    public static String trackingNumber() {
        return "JX20261125" + String.format("%06d", (int) (Math.random() * 1_000_000));
    }

    public static ProducerRecord<String, String> received(
            String topic, String eventId, UUID complaintId, String trackingNumber, String category, String region) {
        return received(topic, eventId, complaintId, trackingNumber, "COMPLAINT", category, region);
    }

    public static ProducerRecord<String, String> received(
            String topic,
            String eventId,
            UUID complaintId,
            String trackingNumber,
            String kind,
            String category,
            String region) {
        String data = """
                {"complaintId":"%s","trackingNumber":"%s","kind":"%s","channel":"WEB","category":"%s",
                 "subject":{"name":"南昌某某电器有限公司","creditCode":"91360100158304019E","regionCode":"%s",
                 "onlinePlatform":null},"occurredOn":"2026-11-20","amountFen":259900,"anonymous":false,
                 "rewardRequested":false,"linkedComplaintId":null,"receivedAt":"%s"}""".formatted(complaintId, trackingNumber, kind, category, region, Instant.now());
        return cloudEvent(topic, eventId, "complaint.received.v1", complaintId.toString(), data);
    }

    /** complaint.feedback-given.v1: the citizen rated how the complaint was handled. */
    public static ProducerRecord<String, String> feedbackGiven(
            String topic, String eventId, UUID complaintId, String trackingNumber, int rating) {
        String data = """
                {"complaintId":"%s","trackingNumber":"%s","kind":"COMPLAINT","rating":%d,"hasComment":false,
                 "givenAt":"%s"}""".formatted(complaintId, trackingNumber, rating, Instant.now());
        return cloudEvent(topic, eventId, "complaint.feedback-given.v1", complaintId.toString(), data);
    }

    public static ProducerRecord<String, String> cloudEvent(
            String topic, String eventId, String type, String key, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type);
        header(record, "ce_source", "urn:jxquality:complaint-service");
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
