package cn.jxquality.complaint.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.CaseServiceEvents;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.EventSchemas;
import cn.jxquality.complaint.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedbackTest {

    static final String COMMENT = "处理及时，张三很满意";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    @Test
    void aResolvedComplaintTakesOneRatingForwardedAsAnEvent() throws Exception {
        Map<String, String> receipt = submit();
        UUID id = complaintId(receipt);
        resolveThroughCaseEvent(id, receipt.get("trackingNumber"));

        feedback(receipt.get("trackingNumber"), body(receipt.get("queryCode"), 4, COMMENT), Submissions.randomClient())
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("trackingNumber", equalTo(receipt.get("trackingNumber")))
                .body("rating", equalTo(4));
        Row stored = Db.row(pool, "select * from complaint_feedback where complaint_id = $1", id);
        assertEquals(4, stored.getInteger("rating"));
        assertEquals(COMMENT, stored.getString("comment"));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topicPrefix + "complaint-events");
            ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> records.getRecords().stream()
                                    .filter(r -> id.toString().equals(r.key()))
                                    .filter(r -> FeedbackGiven.TYPE.equals(header(r, "ce_type")))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            records.stop();
            JsonNode data = json.readTree(event.value());
            EventSchemas.assertValid(FeedbackGiven.TYPE, data);
            assertEquals(4, data.get("rating").asInt());
            assertTrue(data.get("hasComment").asBoolean());
            assertEquals(receipt.get("trackingNumber"), header(event, "ce_subject"));
            assertFalse(event.value().contains("张三"), "the comment, which may name people, stays here");
        }

        feedback(receipt.get("trackingNumber"), body(receipt.get("queryCode"), 1, null), Submissions.randomClient())
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://jxquality.cn/problems/feedback-already-given"));
        assertEquals(1, feedbackEvents(id));
    }

    @Test
    void beforeResolutionARatingIsA409AndNothingIsStored() {
        Map<String, String> receipt = submit();
        feedback(receipt.get("trackingNumber"), body(receipt.get("queryCode"), 5, null), Submissions.randomClient())
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://jxquality.cn/problems/feedback-not-open"));
        UUID id = complaintId(receipt);
        assertEquals(
                0,
                Db.row(pool, "select count(*) as n from complaint_feedback where complaint_id = $1", id)
                        .getLong("n"));
        assertEquals(0, feedbackEvents(id));
    }

    @Test
    void aWrongCodeAndAnUnknownNumberLookTheSameAndAreThrottled() {
        Map<String, String> receipt = submit();
        resolve(complaintId(receipt));
        String client = Submissions.randomClient();
        String wrongCode = feedback(receipt.get("trackingNumber"), body("WRONGCODE234", 5, null), client)
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        String unknown = feedback(Submissions.unknownTrackingNumber(), body(receipt.get("queryCode"), 5, null), client)
                .statusCode(404)
                .extract()
                .asString();
        assertEquals(wrongCode, unknown);

        for (int i = 0; i < 9; i++) {
            feedback(receipt.get("trackingNumber"), body("WRONGCODE234", 5, null), Submissions.randomClient())
                    .statusCode(404);
        }
        String retryAfter = feedback(
                        receipt.get("trackingNumber"),
                        body(receipt.get("queryCode"), 5, null),
                        Submissions.randomClient())
                .statusCode(429)
                .contentType("application/problem+json")
                .extract()
                .header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) > 0);
        assertEquals(0, feedbackEvents(complaintId(receipt)));
    }

    @Test
    void badRatingsAndCommentsAreNamed() {
        Map<String, String> receipt = submit();
        resolve(complaintId(receipt));
        for (Object rating : new Object[] {0, 6, null}) {
            feedback(
                            receipt.get("trackingNumber"),
                            body(receipt.get("queryCode"), rating, null),
                            Submissions.randomClient())
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItems("rating"));
        }
        feedback(
                        receipt.get("trackingNumber"),
                        body(receipt.get("queryCode"), "five", null),
                        Submissions.randomClient())
                .statusCode(400)
                .body("violations.field", hasItems("rating"));
        feedback(
                        receipt.get("trackingNumber"),
                        body(receipt.get("queryCode"), 3, "<script>alert(1)</script>"),
                        Submissions.randomClient())
                .statusCode(400)
                .body("violations.field", hasItems("comment"));
        feedback(receipt.get("trackingNumber"), body(null, 3, "好".repeat(501)), Submissions.randomClient())
                .statusCode(400)
                .body("violations.field", hasItems("queryCode", "comment"));
        feedback(receipt.get("trackingNumber"), "{\"rating\":", Submissions.randomClient())
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, feedbackEvents(complaintId(receipt)));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorsSeeTheRatingAndCommentOnTheComplaint() {
        Map<String, String> receipt = submit();
        resolve(complaintId(receipt));
        feedback(receipt.get("trackingNumber"), body(receipt.get("queryCode"), 2, COMMENT), Submissions.randomClient())
                .statusCode(201);
        given().queryParam("reason", "回访结果")
                .get("/api/v1/complaints/" + receipt.get("trackingNumber"))
                .then()
                .statusCode(200)
                .body("feedback.rating", equalTo(2))
                .body("feedback.comment", equalTo(COMMENT));
    }

    static Map<String, Object> body(String queryCode, Object rating, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("queryCode", queryCode);
        body.put("rating", rating);
        body.put("comment", comment);
        return body;
    }

    static ValidatableResponse feedback(String trackingNumber, Object body, String client) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", client)
                .body(body)
                .when()
                .post("/api/v1/complaints/" + trackingNumber + "/feedback")
                .then();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> submit() {
        return given().contentType(ContentType.JSON)
                .body(Submissions.uniqueWebComplaint())
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private UUID complaintId(Map<String, String> receipt) {
        return Db.row(pool, "select id from complaint where tracking_number = $1", receipt.get("trackingNumber"))
                .getUUID("id");
    }

    /** Resolution as a department records it: a case.resolved.v1 event through the broker. */
    private void resolveThroughCaseEvent(UUID complaintId, String trackingNumber) {
        String data = """
                {"caseId":"%s","complaintId":"%s","trackingNumber":"%s","departmentCode":"360100-AMR",
                 "state":"RESOLVED","occurredAt":"%s","publicNote":"已调解"}""".formatted(UUID.randomUUID(), complaintId, trackingNumber, Instant.now());
        CaseServiceEvents.publish(
                bootstrap,
                CaseServiceEvents.record(
                        topicPrefix + "case-events",
                        complaintId.toString(),
                        UUID.randomUUID().toString(),
                        "case.resolved.v1",
                        data));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "RESOLVED"
                        .equals(Db.row(pool, "select status from complaint where id = $1", complaintId)
                                .getString("status")));
    }

    /** A shortcut for tests that are not about how the status got there. */
    private void resolve(UUID complaintId) {
        Db.rows(pool, "update complaint set status = 'RESOLVED' where id = $1", complaintId);
    }

    private long feedbackEvents(UUID complaintId) {
        return Db.row(
                        pool,
                        "select count(*) as n from outbox_event where aggregate_id = $1 and type = $2",
                        complaintId,
                        FeedbackGiven.TYPE)
                .getLong("n");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CaseServiceEvents.header(record, name);
    }
}
