package cn.jxquality.complaint.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.jxquality.complaint.CaseServiceEvents;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusLookupTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    @Test
    void theRightCodeOpensTheTimelineAndCaseEventsMoveIt() {
        Map<String, String> receipt = submit();
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"))
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("timeline", hasSize(1));

        UUID complaintId = complaintId(receipt.get("trackingNumber"));
        String eventId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            for (int delivery = 0; delivery < 3; delivery++) { // the same event, redelivered
                kafka.produceStrings()
                        .fromRecords(caseAssigned(eventId, complaintId, receipt.get("trackingNumber")))
                        .awaitCompletion();
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> lookup(receipt.get("trackingNumber"), receipt.get("queryCode"))
                        .statusCode(200)
                        .body("status", equalTo("ROUTED")));
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"))
                .body("timeline", hasSize(2))
                .body("timeline[1].note", equalTo("Forwarded to 360100-AMR"));
    }

    @Test
    void aWrongCodeAndAnUnknownNumberLookTheSame() {
        Map<String, String> receipt = submit();
        String wrongCode = lookup(receipt.get("trackingNumber"), "AAAAAAAAAAAA")
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        String unknownNumber = lookup(Submissions.unknownTrackingNumber(), receipt.get("queryCode"))
                .statusCode(404)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertEquals(wrongCode, unknownNumber);
    }

    @Test
    void anEmptyLookupNamesTheMissingFields() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/status-lookups")
                .then()
                .statusCode(400)
                .body("violations", hasSize(2));
    }

    private static Map<String, String> submit() {
        return given().contentType(ContentType.JSON)
                .body(Submissions.webComplaint())
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private static ValidatableResponse lookup(String trackingNumber, String queryCode) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Map.of("trackingNumber", trackingNumber, "queryCode", queryCode))
                .when()
                .post("/api/v1/status-lookups")
                .then();
    }

    private UUID complaintId(String trackingNumber) {
        return pool.preparedQuery("select id from complaint where tracking_number = $1")
                .execute(Tuple.of(trackingNumber))
                .await()
                .atMost(Duration.ofSeconds(5))
                .iterator()
                .next()
                .getUUID("id");
    }

    private ProducerRecord<String, String> caseAssigned(String eventId, UUID complaintId, String trackingNumber) {
        String data = """
                {"caseId":"%s","complaintId":"%s","trackingNumber":"%s","departmentCode":"360100-AMR",
                 "state":"ASSIGNED","occurredAt":"%s","publicNote":"Forwarded to 360100-AMR"}""".formatted(UUID.randomUUID(), complaintId, trackingNumber, Instant.now());
        return CaseServiceEvents.record(
                topicPrefix + "case-events", complaintId.toString(), eventId, "case.assigned.v1", data);
    }
}
