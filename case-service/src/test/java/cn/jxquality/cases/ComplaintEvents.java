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

    /**
     * complaint.received.v1 as published when the complaint's turn with an ODR enterprise ended without a settlement:
     * received at {@code receivedAt} (its original receipt), {@code odr} the block of {@link #odr}.
     */
    public static ProducerRecord<String, String> receivedAfterOdr(
            String topic,
            String eventId,
            UUID complaintId,
            String trackingNumber,
            String region,
            Instant receivedAt,
            String creditCode,
            String odr) {
        String data = """
                {"complaintId":"%s","trackingNumber":"%s","kind":"COMPLAINT","channel":"WEB","category":"PRODUCT.APPLIANCE",
                 "subject":{"name":"ODR test enterprise","creditCode":"%s","regionCode":"%s","onlinePlatform":null},
                 "occurredOn":"2026-10-20","amountFen":19900,"anonymous":false,"rewardRequested":false,
                 "linkedComplaintId":null,"receivedAt":"%s","odr":%s}""".formatted(complaintId, trackingNumber, creditCode, region, receivedAt, odr);
        return cloudEvent(topic, eventId, "complaint.received.v1", complaintId.toString(), data);
    }

    /** complaint.received.v1's odr block; {@code respondedAt} may be null (the enterprise never answered). */
    public static String odr(
            String creditCode,
            String name,
            Instant sentAt,
            Instant dueAt,
            Instant respondedAt,
            Instant endedAt,
            String ending) {
        return """
                {"enterpriseCreditCode":"%s","enterpriseName":"%s","sentAt":"%s","dueAt":"%s","respondedAt":%s,
                 "endedAt":"%s","ending":"%s"}""".formatted(
                        creditCode,
                        name,
                        sentAt,
                        dueAt,
                        respondedAt == null ? "null" : "\"" + respondedAt + "\"",
                        endedAt,
                        ending);
    }

    /** complaint.sent-to-enterprise.v1: the citizen sent the complaint to the registered ODR enterprise first. */
    public static ProducerRecord<String, String> sentToEnterprise(
            String topic,
            String eventId,
            UUID complaintId,
            String trackingNumber,
            String creditCode,
            String name,
            Instant sentAt,
            Instant dueAt) {
        String data = """
                {"complaintId":"%s","trackingNumber":"%s","category":"PRODUCT.APPLIANCE","regionCode":"360102",
                 "enterprise":{"creditCode":"%s","name":"%s","email":"odr@example.com"},"sentAt":"%s","dueAt":"%s"}""".formatted(complaintId, trackingNumber, creditCode, name, sentAt, dueAt);
        return cloudEvent(topic, eventId, "complaint.sent-to-enterprise.v1", complaintId.toString(), data);
    }

    /** complaint.enterprise-responded.v1: the enterprise recorded its outcome; a settlement waits for the citizen. */
    public static ProducerRecord<String, String> enterpriseResponded(
            String topic,
            String eventId,
            UUID complaintId,
            String trackingNumber,
            String creditCode,
            boolean settled,
            Instant respondedAt,
            Instant dueAt) {
        String answerBy = settled ? ",\"answerBy\":\"" + respondedAt.plusSeconds(7 * 86400) + "\"" : "";
        String data = """
                {"complaintId":"%s","trackingNumber":"%s","enterpriseCreditCode":"%s","settled":%s,
                 "respondedAt":"%s","dueAt":"%s","onTime":%s%s}""".formatted(
                        complaintId,
                        trackingNumber,
                        creditCode,
                        settled,
                        respondedAt,
                        dueAt,
                        !respondedAt.isAfter(dueAt),
                        answerBy);
        return cloudEvent(topic, eventId, "complaint.enterprise-responded.v1", complaintId.toString(), data);
    }

    /** complaint.settlement-answered.v1: the citizen confirmed or disputed the settlement (or let it stand). */
    public static ProducerRecord<String, String> settlementAnswered(
            String topic,
            String eventId,
            UUID complaintId,
            String trackingNumber,
            String creditCode,
            boolean accepted,
            boolean byCitizen,
            Instant answeredAt) {
        String data = """
                {"complaintId":"%s","trackingNumber":"%s","enterpriseCreditCode":"%s","accepted":%s,"byCitizen":%s,
                 "answeredAt":"%s"}""".formatted(complaintId, trackingNumber, creditCode, accepted, byCitizen, answeredAt);
        return cloudEvent(topic, eventId, "complaint.settlement-answered.v1", complaintId.toString(), data);
    }

    /** A random valid unified social credit code (GB 32100-2015), so each test's enterprise is its own. */
    public static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("913601");
        java.util.Random random = new java.util.Random();
        while (code.length() < 17) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return code.append(alphabet.charAt(check == 31 ? 0 : check)).toString();
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
