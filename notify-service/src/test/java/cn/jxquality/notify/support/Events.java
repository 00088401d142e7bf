package cn.jxquality.notify.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes CloudEvents (binary mode) shaped like complaint-service's and case-service's to the test topics. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {}

    /**
     * A tracking number no earlier run left in the test database: 14 random digits, since six would collide with
     * the rows of a few runs before long.
     */
    public static String trackingNumber() {
        return String.format("JX%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    /** {@code complaint.received.v1} data as complaint-service publishes it. */
    public static String complaintReceived(UUID complaintId, String trackingNumber, boolean anonymous) {
        return """
                {"complaintId":"%s","trackingNumber":"%s","kind":"%s","channel":"WEB","category":"PRODUCT.FOOD",
                 "subject":{"name":"南昌某食品有限公司","creditCode":null,"regionCode":"360102","onlinePlatform":null},
                 "occurredOn":"2026-11-20","amountFen":12800,"anonymous":%s,"rewardRequested":false,
                 "linkedComplaintId":null,"receivedAt":"%s"}""".formatted(complaintId, trackingNumber, anonymous ? "REPORT" : "COMPLAINT", anonymous, Instant.now());
    }

    /** The ODR enterprise of the fixtures below (its unified social credit code) and its name. */
    public static final String ODR_ENTERPRISE = "91360100MA35GR7T1E";

    public static final String ODR_ENTERPRISE_NAME = "南昌某食品有限公司";

    /** When the fixtures' enterprise must answer: the end of 2026-12-09 in Beijing (complaint-service's OdrClock). */
    public static final String ODR_DUE_AT = "2026-12-09T16:00:00Z";

    /** When the citizen must confirm or dispute the settlement: the end of 2026-12-23 in Beijing. */
    public static final String ODR_ANSWER_BY = "2026-12-23T16:00:00Z";

    /**
     * Data of {@code complaint.sent-to-enterprise.v1}: the complaint went to the ODR enterprise first; {@code email}
     * is the enterprise's address from the register, or null when it has none.
     */
    public static String sentToEnterprise(UUID complaintId, String trackingNumber, String email) {
        ObjectNode data = JSON.createObjectNode()
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", trackingNumber)
                .put("category", "PRODUCT.FOOD")
                .put("regionCode", "360102")
                .put("sentAt", "2026-11-25T02:00:00Z")
                .put("dueAt", ODR_DUE_AT);
        data.putObject("enterprise")
                .put("creditCode", ODR_ENTERPRISE)
                .put("name", ODR_ENTERPRISE_NAME)
                .put("email", email);
        return data.toString();
    }

    /** Data of {@code complaint.enterprise-responded.v1}; only a settlement carries the citizen's {@code answerBy}. */
    public static String enterpriseResponded(UUID complaintId, String trackingNumber, boolean settled) {
        ObjectNode data = JSON.createObjectNode()
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", trackingNumber)
                .put("enterpriseCreditCode", ODR_ENTERPRISE)
                .put("settled", settled)
                .put("respondedAt", "2026-12-02T06:30:00Z")
                .put("dueAt", ODR_DUE_AT)
                .put("onTime", true);
        if (settled) {
            data.put("answerBy", ODR_ANSWER_BY);
        }
        return data.toString();
    }

    /** Data of {@code complaint.settlement-answered.v1}: confirmed or disputed by the citizen, or stood by lapse. */
    public static String settlementAnswered(
            UUID complaintId, String trackingNumber, boolean accepted, boolean byCitizen) {
        return JSON.createObjectNode()
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", trackingNumber)
                .put("enterpriseCreditCode", ODR_ENTERPRISE)
                .put("accepted", accepted)
                .put("byCitizen", byCitizen)
                .put("answeredAt", "2026-12-05T01:00:00Z")
                .toString();
    }

    /**
     * {@code complaint.received.v1} of a complaint the ODR enterprise did not settle ({@code ending} NOT_SETTLED,
     * LAPSED or DISPUTED): the received event with its {@code odr} block.
     */
    public static String complaintEscalated(UUID complaintId, String trackingNumber, String ending) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(complaintReceived(complaintId, trackingNumber, false));
            data.putObject("odr")
                    .put("enterpriseCreditCode", ODR_ENTERPRISE)
                    .put("enterpriseName", ODR_ENTERPRISE_NAME)
                    .put("sentAt", "2026-11-25T02:00:00Z")
                    .put("dueAt", ODR_DUE_AT)
                    .put("respondedAt", ending.equals("LAPSED") ? null : "2026-12-02T06:30:00Z")
                    .put("endedAt", ending.equals("LAPSED") ? ODR_DUE_AT : "2026-12-03T01:00:00Z")
                    .put("ending", ending);
            return data.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Data of {@code case.deadlines-moved.v1}: a new calendar of 2027 moved {@code movedCount} deadlines, of which the
     * event lists {@code listed}, each two working days later (10 → 12 February 2027, end of day in Beijing): an
     * acceptance deadline, a verification deadline of a case in triage, an escalation's own deadline, and so on.
     */
    public static String deadlinesMoved(int listed, int movedCount) {
        ObjectNode data = JSON.createObjectNode()
                .put("year", 2027)
                .put("loadedAt", "2026-12-01T01:30:00Z")
                .put("movedCount", movedCount);
        ArrayNode cases = data.putArray("cases");
        for (int i = 0; i < listed; i++) {
            cases.addObject()
                    .put("caseId", UUID.randomUUID().toString())
                    .put("trackingNumber", String.format("JX2027020100%04d", i))
                    .put("departmentCode", i % 3 == 1 ? null : "360100-AMR")
                    .put(
                            "deadline",
                            List.of("acceptBy", "verifyBy", "escalation:acceptBy")
                                    .get(i % 3))
                    .put("from", "2027-02-10T15:59:59Z")
                    .put("to", "2027-02-12T15:59:59Z");
        }
        return data.toString();
    }

    /** Data of {@code case.assigned.v1} as case-service publishes it. */
    public static String caseEvent(UUID complaintId, String trackingNumber, String departmentCode, String state) {
        return """
                {"caseId":"%s","complaintId":"%s","trackingNumber":"%s","kind":"COMPLAINT","category":"PRODUCT.FOOD",
                 "regionCode":"360102","departmentCode":"%s","routingRuleId":"R0001","state":"%s",
                 "occurredAt":"%s","publicNote":"经调解，商家同意退款"}""".formatted(UUID.randomUUID(), complaintId, trackingNumber, departmentCode, state, Instant.now());
    }

    /**
     * Data of a lifecycle event ({@code case.accepted.v1}, {@code case.refused.v1}, {@code case.transferred.v1},
     * {@code case.resolved.v1}, …) as case-service's {@code CaseTransitioned} record serialises it.
     */
    public static String caseTransitioned(
            UUID complaintId,
            String trackingNumber,
            String departmentCode,
            String previousDepartmentCode,
            String state,
            String outcome,
            String publicNote) {
        ObjectNode data = JSON.createObjectNode()
                .put("caseId", UUID.randomUUID().toString())
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", trackingNumber)
                .put("kind", "COMPLAINT")
                .put("departmentCode", departmentCode)
                .put("previousDepartmentCode", previousDepartmentCode)
                .put("state", state)
                .put("outcome", outcome)
                .put("occurredAt", Instant.now().toString())
                .put("publicNote", publicNote);
        return data.toString();
    }

    /** Data of {@code case.triage-needed.v1}: the case.assigned shape with no department and no rule. */
    public static String triageNeeded(UUID complaintId, String trackingNumber) {
        ObjectNode data = JSON.createObjectNode()
                .put("caseId", UUID.randomUUID().toString())
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", trackingNumber)
                .put("kind", "COMPLAINT")
                .put("category", "PRODUCT.FOOD")
                .put("regionCode", "360102")
                .putNull("departmentCode")
                .putNull("routingRuleId")
                .put("state", "NEW")
                .put("occurredAt", Instant.now().toString())
                .putNull("publicNote");
        return data.toString();
    }

    /**
     * Data of {@code case.deadline-near.v1} ({@code overdue} false) or {@code case.overdue.v1} as case-service's
     * {@code DeadlineAlert} serialises it; only an overdue alert names the escalation opened with it.
     */
    public static String deadlineAlert(
            UUID complaintId, String trackingNumber, String departmentCode, boolean overdue) {
        Instant now = Instant.now();
        ObjectNode data = JSON.createObjectNode()
                .put("caseId", UUID.randomUUID().toString())
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", trackingNumber)
                .put("kind", "COMPLAINT")
                .put("departmentCode", departmentCode)
                .put("state", departmentCode == null ? "NEW" : "ASSIGNED")
                .put("deadline", "acceptBy")
                .put("dueAt", (overdue ? now.minusSeconds(60) : now.plusSeconds(86_400)).toString())
                .put("occurredAt", now.toString());
        if (overdue) {
            data.put("escalationId", UUID.randomUUID().toString())
                    .put("escalationDueAt", now.plusSeconds(5 * 86_400).toString());
        } else {
            data.putNull("escalationId").putNull("escalationDueAt");
        }
        return data.toString();
    }

    /** Data of {@code case.escalation-overdue.v1}: an escalation still open past its own deadline. */
    public static String escalationOverdue(UUID complaintId, String trackingNumber, String departmentCode) {
        Instant now = Instant.now();
        return JSON.createObjectNode()
                .put("caseId", UUID.randomUUID().toString())
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", trackingNumber)
                .put("kind", "COMPLAINT")
                .put("departmentCode", departmentCode)
                .put("state", "ACCEPTED")
                .put("deadline", "acceptBy")
                .put("escalationId", UUID.randomUUID().toString())
                .put("escalationDueAt", "2026-12-08T10:00:00Z")
                .put("occurredAt", now.toString())
                .toString();
    }

    /**
     * Data of {@code case.risk-alert.v1} about an enterprise (by credit code) or, with {@code creditCode} null, about
     * a category: it concerns no single complaint, so it has neither complaint id nor tracking number.
     */
    public static String riskAlert(UUID alertId, String creditCode, int count) {
        ObjectNode data = JSON.createObjectNode()
                .put("alertId", alertId.toString())
                .put("scope", creditCode == null ? "CATEGORY" : "ENTERPRISE")
                .put("creditCode", creditCode)
                .put("category", creditCode == null ? "PRODUCT.FOOD" : null)
                .put("cityCode", "360100")
                .put("windowStart", "2026-11-18T16:00:00Z")
                .put("windowEnd", "2026-11-25T16:00:00Z")
                .put("count", count)
                .put("baselinePerWindow", 2.5)
                .put("occurredAt", Instant.now().toString());
        return data.toString();
    }

    /**
     * Data of a {@code reward.*.v1} event as the contract of reward-events has it (one shape for every type): the
     * amount and the claim window are set from NOTIFIED on, a rejection carries its reason as the public note.
     */
    public static String reward(UUID complaintId, String trackingNumber, String state) {
        Instant now = Instant.now();
        boolean notified =
                java.util.Set.of("NOTIFIED", "CLAIMED", "PAID", "EXPIRED").contains(state);
        ObjectNode data = JSON.createObjectNode()
                .put("rewardId", UUID.randomUUID().toString())
                .put("caseId", UUID.randomUUID().toString())
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", trackingNumber)
                .put("state", state)
                .put("occurredAt", now.toString());
        if (state.equals("REJECTED")) {
            data.putNull("level").putNull("amountFen").putNull("claimBy").put("publicNote", "举报事项与查处事实不符");
        } else {
            data.put("level", 2).put("amountFen", 300_000L);
            if (notified) {
                data.put("claimBy", "2027-01-15T09:30:00Z");
            } else {
                data.putNull("claimBy");
            }
            data.putNull("publicNote");
        }
        return data.toString();
    }

    /** Sends the event {@code times} times with the same CloudEvent id (a redelivery). */
    public static void publish(String topic, String type, String eventId, UUID key, String data, int times) {
        publish(topic, type, eventId, key.toString(), data, times);
    }

    /** As above, under a key that is no complaint id (a risk alert's {@code <cityCode>:<scope>:<value>}). */
    public static void publish(String topic, String type, String eventId, String key, String data, int times) {
        String prefix = ConfigProvider.getConfig().getValue("suite.topic-prefix", String.class);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            for (int i = 0; i < times; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(prefix + topic, key, data);
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", eventId);
                header(record, "ce_type", type);
                header(record, "ce_source", "urn:jxquality:test");
                kafka.produceStrings().fromRecords(record).awaitCompletion();
            }
        }
    }

    public static void publish(String topic, String type, UUID key, String data) {
        publish(topic, type, UUID.randomUUID().toString(), key, data, 1);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
