package cn.jxquality.notify.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.jxquality.notify.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventRouterTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void oneInboxMessagePerDepartmentHoweverOftenTheEventIsDelivered() {
        String trackingNumber = Events.trackingNumber();
        String eventId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            for (int delivery = 0; delivery < 3; delivery++) {
                kafka.produceStrings()
                        .fromRecords(caseAssigned(eventId, trackingNumber, trackingNumber))
                        .awaitCompletion();
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("trackingNumber", trackingNumber)
                        .when()
                        .get("/api/v1/notifications")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].channel", equalTo("IN_APP"))
                        .body("items[0].recipient", equalTo("360100-AMR"))
                        .body("items[0].status", equalTo("SENT")));
        // a later event on the same key (same partition) is consumed only after all three deliveries were
        String marker = trackingNumber.substring(0, 15) + "X";
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings()
                    .fromRecords(caseAssigned(UUID.randomUUID().toString(), trackingNumber, marker))
                    .awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count(marker) == 1);
        org.junit.jupiter.api.Assertions.assertEquals(1, count(trackingNumber));
        String body = pool.preparedQuery("select body from notification where tracking_number = $1")
                .execute(Tuple.of(trackingNumber))
                .await()
                .atMost(Duration.ofSeconds(5))
                .iterator()
                .next()
                .getString("body");
        org.hamcrest.MatcherAssert.assertThat(body, containsString(trackingNumber));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("已分派"));
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    void departmentsCannotReadTheLog() {
        given().when().get("/api/v1/notifications").then().statusCode(403);
    }

    @Test
    void theLogNeedsALogin() {
        given().when().get("/api/v1/notifications").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void anUnknownStatusFilterIsAClientError() {
        given().queryParam("status", "LOST")
                .when()
                .get("/api/v1/notifications")
                .then()
                .statusCode(400);
    }

    private long count(String trackingNumber) {
        return pool.preparedQuery("select count(*) as n from notification where tracking_number = $1")
                .execute(Tuple.of(trackingNumber))
                .await()
                .atMost(Duration.ofSeconds(5))
                .iterator()
                .next()
                .getLong("n");
    }

    private ProducerRecord<String, String> caseAssigned(String eventId, String key, String trackingNumber) {
        UUID complaintId = UUID.randomUUID();
        String data = """
                {"caseId":"%s","complaintId":"%s","trackingNumber":"%s","kind":"COMPLAINT","category":"PRODUCT.FOOD",
                 "regionCode":"360102","departmentCode":"360100-AMR","routingRuleId":"R0001","state":"ASSIGNED",
                 "occurredAt":"%s","publicNote":null}""".formatted(UUID.randomUUID(), complaintId, trackingNumber, Instant.now());
        ProducerRecord<String, String> record = new ProducerRecord<>(prefix + "case-events", key, data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "case.assigned.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:jxquality:case-service".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
