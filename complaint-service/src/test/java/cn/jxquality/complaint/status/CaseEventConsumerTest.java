package cn.jxquality.complaint.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.CaseServiceEvents;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What one case event does to the stored record ({@link TimelineWriter}'s single statement): a status event moves
 * status, {@code updated_at} and the version once; a redelivery of its id changes nothing; a note leaves them alone;
 * an event for an unknown complaint is dead-lettered and leaves no processed-event row behind.
 */
@QuarkusTest
class CaseEventConsumerTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    @Test
    void aRedeliveredEventChangesNothingAndANoteKeepsTheStatus() {
        UUID id = submit();
        Row before = complaint(id);
        String accepted = UUID.randomUUID().toString();
        publish(event(accepted, "case.accepted.v1", id, "已受理"));
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(id) == 2);
        Row applied = complaint(id);
        assertEquals("ACCEPTED", applied.getString("status"));
        assertEquals(before.getInteger("version") + 1, applied.getInteger("version"));
        assertTrue(applied.getOffsetDateTime("updated_at").isAfter(before.getOffsetDateTime("updated_at")));
        Row processed = Db.row(pool, "select * from processed_event where event_id = $1", accepted);
        assertEquals("case.accepted.v1", processed.getString("event_type"));

        // the same id twice more (once claiming another type), then a note: keyed alike, so applied after them
        String note = UUID.randomUUID().toString();
        publish(
                event(accepted, "case.accepted.v1", id, "已受理"),
                event(accepted, "case.closed.v1", id, "已办结"),
                event(note, "case.note-added.v1", id, "已联系商家核实"));
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(id) == 3);

        Row after = complaint(id);
        assertEquals("ACCEPTED", after.getString("status"));
        assertEquals(applied.getInteger("version"), after.getInteger("version"));
        assertEquals(applied.getOffsetDateTime("updated_at"), after.getOffsetDateTime("updated_at"));
        assertEquals(
                processed.getOffsetDateTime("processed_at"),
                Db.row(pool, "select processed_at from processed_event where event_id = $1", accepted)
                        .getOffsetDateTime("processed_at"));
        Row step = Db.row(pool, "select status, note from status_timeline_entry where source_event_id = $1", note);
        assertEquals("ACCEPTED", step.getString("status"));
        assertEquals("已联系商家核实", step.getString("note"));
        assertEquals(
                1,
                Db.row(pool, "select count(*) as n from status_timeline_entry where source_event_id = $1", accepted)
                        .getLong("n"));
    }

    @Test
    void anEventForAnUnknownComplaintIsDeadLetteredAndLeavesNothingBehind() {
        UUID unknown = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        UUID known = submit();
        String next = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> dead =
                    kafka.consumeStrings().fromTopics(topicPrefix + "complaint-service-dlq");
            publish(event(eventId, "case.accepted.v1", unknown, null));
            ConsumerRecord<String, String> deadLetter = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> dead.getRecords().stream()
                                    .filter(r -> unknown.toString().equals(r.key()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            dead.stop();
            String reason = new String(
                    deadLetter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("unknown complaint " + unknown), reason);
        }
        publish(event(next, "case.accepted.v1", known, null)); // the consumer carries on
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(known) == 2);
        assertEquals(
                0,
                Db.row(pool, "select count(*) as n from processed_event where event_id = $1", eventId)
                        .getLong("n"));
        assertEquals(
                0,
                Db.row(pool, "select count(*) as n from status_timeline_entry where source_event_id = $1", eventId)
                        .getLong("n"));
    }

    private ProducerRecord<String, String> event(String eventId, String type, UUID complaintId, String publicNote) {
        ObjectNode data = json.createObjectNode()
                .put("caseId", UUID.randomUUID().toString())
                .put("complaintId", complaintId.toString())
                .put("trackingNumber", "JX" + complaintId.toString().substring(0, 8))
                .put("departmentCode", "360100-AMR")
                .put("state", type.substring(5, type.length() - 3).toUpperCase())
                .put("occurredAt", Instant.now().toString())
                .put("publicNote", publicNote);
        return CaseServiceEvents.record(
                topicPrefix + "case-events", complaintId.toString(), eventId, type, data.toString());
    }

    @SafeVarargs
    private void publish(ProducerRecord<String, String>... records) {
        CaseServiceEvents.publish(bootstrap, records);
    }

    private long steps(UUID complaintId) {
        return Db.row(pool, "select count(*) as n from status_timeline_entry where complaint_id = $1", complaintId)
                .getLong("n");
    }

    private Row complaint(UUID id) {
        return Db.row(pool, "select status, updated_at, version from complaint where id = $1", id);
    }

    private UUID submit() {
        String trackingNumber = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
        return Db.row(pool, "select id from complaint where tracking_number = $1", trackingNumber)
                .getUUID("id");
    }
}
