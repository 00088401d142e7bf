package cn.jxquality.complaint.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.CaseServiceEvents;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.EventSchemas;
import cn.jxquality.complaint.Submissions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * reward-events and case.note-added.v1 as case-service publishes them (data checked against this service's copies
 * of the producer's schemas) onto the public timeline: a note per public step, the status unchanged.
 */
@QuarkusTest
class RewardAndNoteTimelineTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    @Test
    void theRewardsPublicStepsReachTheTimelineOnceInTheCitizensLanguage() throws Exception {
        Report report = submitReport("zh-CN");
        Instant claimBy = Instant.parse("2026-12-31T15:59:59Z"); // 2026-12-31 23:59:59 in Beijing
        String approvedId = UUID.randomUUID().toString();
        publish(
                rewardEvent(approvedId, "reward.approved.v1", report, "APPROVED", 123450L, null, null, 1),
                rewardEvent(approvedId, "reward.approved.v1", report, "APPROVED", 123450L, null, null, 1),
                rewardEvent(
                        UUID.randomUUID().toString(), "reward.proposed.v1", report, "PROPOSED", 5000L, null, null, 0),
                rewardEvent(
                        UUID.randomUUID().toString(),
                        "reward.notified.v1",
                        report,
                        "NOTIFIED",
                        123450L,
                        claimBy,
                        null,
                        2),
                rewardEvent(
                        UUID.randomUUID().toString(),
                        "reward.claimed.v1",
                        report,
                        "CLAIMED",
                        123450L,
                        claimBy,
                        null,
                        3),
                rewardEvent(UUID.randomUUID().toString(), "reward.paid.v1", report, "PAID", 123450L, claimBy, null, 4));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> lookup(report).statusCode(200).body("timeline", hasSize(5)));
        lookup(report)
                .body("status", equalTo("RECEIVED"))
                .body("timeline[1].status", equalTo("RECEIVED"))
                .body("timeline[1].note", equalTo("举报奖励已批准，金额 1234.50 元"))
                .body("timeline[2].note", equalTo("举报奖励 1234.50 元，请于 2026-12-31 前凭受理编号和查询码申领"))
                .body("timeline[3].note", equalTo("举报奖励已申领"))
                .body("timeline[4].note", equalTo("举报奖励 1234.50 元已支付"));
    }

    @Test
    void aRejectionCarriesItsReasonAndAnEnglishReporterReadsEnglish() throws Exception {
        Report report = submitReport("en");
        publish(
                rewardEvent(
                        UUID.randomUUID().toString(),
                        "reward.rejected.v1",
                        report,
                        "REJECTED",
                        null,
                        null,
                        "The clue had already been reported.",
                        1),
                rewardEvent(
                        UUID.randomUUID().toString(), "reward.expired.v1", report, "EXPIRED", 80000L, null, null, 2));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> lookup(report).statusCode(200).body("timeline", hasSize(3)));
        lookup(report)
                .body("timeline[1].note", equalTo("Reward not granted: The clue had already been reported."))
                .body("timeline[2].note", equalTo("The reward's claim period has ended"));
    }

    @Test
    void aDepartmentsPublicNoteIsAStepWithTheStatusUnchanged() throws Exception {
        Report report = submitReport("zh-CN");
        ObjectNode data = json.createObjectNode()
                .put("caseId", UUID.randomUUID().toString())
                .put("complaintId", report.id().toString())
                .put("trackingNumber", report.trackingNumber())
                .put("kind", "REPORT")
                .put("departmentCode", "360100-AMR")
                .putNull("previousDepartmentCode")
                .put("state", "ASSIGNED")
                .put("occurredAt", Instant.now().toString())
                .put("publicNote", "已联系商家核实，请耐心等待。".repeat(100).substring(0, 1400));
        EventSchemas.assertValid("case.note-added.v1", data);
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, String> note = record("case-events", eventId, "case.note-added.v1", report, data);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(note, note).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> lookup(report).statusCode(200).body("timeline", hasSize(2)));
        lookup(report)
                .body("status", equalTo("RECEIVED"))
                .body("timeline[1].status", equalTo("RECEIVED"))
                .body("timeline[1].note", equalTo(data.get("publicNote").asText()));
    }

    @Test
    void aPoisonRewardEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        Report report = submitReport("zh-CN");
        String key = "poison-" + UUID.randomUUID();
        ProducerRecord<String, String> notJson = CaseServiceEvents.record(
                topicPrefix + "reward-events", key, UUID.randomUUID().toString(), "reward.paid.v1", "{not json");
        Report unknown = new Report(
                UUID.randomUUID(), Submissions.unknownTrackingNumber().substring(0, 16), "");
        ProducerRecord<String, String> unknownComplaint = rewardEvent(
                UUID.randomUUID().toString(), "reward.paid.v1", unknown, "PAID", 100L, Instant.now(), null, 0);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> dead =
                    kafka.consumeStrings().fromTopics(topicPrefix + "complaint-service-dlq");
            kafka.produceStrings().fromRecords(notJson, unknownComplaint).awaitCompletion();
            publish(rewardEvent(
                    UUID.randomUUID().toString(), "reward.approved.v1", report, "APPROVED", 100L, null, null, 1));
            for (String deadKey : List.of(key, unknown.id().toString())) {
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> dead.getRecords().stream()
                                        .filter(r -> deadKey.equals(r.key()))
                                        .findFirst(),
                                Optional::isPresent);
            }
            dead.stop();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> lookup(report).statusCode(200).body("timeline", hasSize(2)));
        lookup(report).body("timeline[1].note", equalTo("举报奖励已批准，金额 1.00 元"));
        assertEquals(
                0,
                Db.row(pool, "select count(*) as n from status_timeline_entry where complaint_id = $1", unknown.id())
                        .getLong("n"));
    }

    private ProducerRecord<String, String> rewardEvent(
            String eventId,
            String type,
            Report report,
            String state,
            Long amountFen,
            Instant claimBy,
            String publicNote,
            int secondsLater) {
        ObjectNode data = json.createObjectNode()
                .put("rewardId", UUID.randomUUID().toString())
                .put("caseId", UUID.randomUUID().toString())
                .put("complaintId", report.id().toString())
                .put("trackingNumber", report.trackingNumber())
                .put("state", state)
                .put("occurredAt", Instant.now().plusSeconds(secondsLater).toString());
        if (amountFen == null) {
            data.putNull("level").putNull("amountFen");
        } else {
            data.put("level", 2).put("amountFen", amountFen);
        }
        if (claimBy == null) {
            data.putNull("claimBy");
        } else {
            data.put("claimBy", claimBy.toString());
        }
        if (publicNote == null) {
            data.putNull("publicNote");
        } else {
            data.put("publicNote", publicNote);
        }
        if (!type.equals("reward.proposed.v1")) {
            EventSchemas.assertValid(type, data);
        }
        return record("reward-events", eventId, type, report, data);
    }

    private ProducerRecord<String, String> record(
            String topic, String eventId, String type, Report report, ObjectNode data) {
        ProducerRecord<String, String> record =
                CaseServiceEvents.record(topicPrefix + topic, report.id().toString(), eventId, type, data.toString());
        CaseServiceEvents.header(record, "ce_subject", report.trackingNumber());
        return CaseServiceEvents.header(record, "ce_time", Instant.now().toString());
    }

    @SafeVarargs
    private void publish(ProducerRecord<String, String>... records) {
        CaseServiceEvents.publish(bootstrap, records);
    }

    private Report submitReport(String language) {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("kind", "REPORT");
        body.remove("remedy");
        body.put("rewardRequested", true);
        body.put("language", language);
        Map<?, ?> receipt = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        String trackingNumber = receipt.get("trackingNumber").toString();
        UUID id = Db.row(pool, "select id from complaint where tracking_number = $1", trackingNumber)
                .getUUID("id");
        return new Report(id, trackingNumber, receipt.get("queryCode").toString());
    }

    private static ValidatableResponse lookup(Report report) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Map.of("trackingNumber", report.trackingNumber(), "queryCode", report.queryCode()))
                .post("/api/v1/status-lookups")
                .then();
    }

    record Report(UUID id, String trackingNumber, String queryCode) {}
}
