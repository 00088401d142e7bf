package cn.jxquality.cases.casefile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jxquality.cases.ComplaintEvents;
import cn.jxquality.cases.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The reporter's identity never reaches a department, even if an event wrongly carried it. */
@QuarkusTest
class ReporterIdentityTest {

    static final List<String> PERSONAL = List.of("张三丰", "13812345678", "360102199001011234", "zhang@example.cn");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    @Test
    void aDepartmentTokenNeverReceivesReporterFields() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = ComplaintEvents.trackingNumber();
        String data = """
                {"complaintId":"%s","trackingNumber":"%s","kind":"REPORT","channel":"WEB","category":"PRODUCT.FOOD",
                 "subject":{"name":"南昌某某食品有限公司","creditCode":null,"regionCode":"360100","onlinePlatform":null},
                 "person":{"name":"张三丰","mobile":"13812345678","idNumber":"360102199001011234",
                           "email":"zhang@example.cn"},
                 "anonymous":false,"rewardRequested":true,"receivedAt":"%s"}""".formatted(complaintId, trackingNumber, Instant.now());
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> caseEvents = kafka.consumeStrings().fromTopics(prefix + "case-events");
            kafka.produceStrings()
                    .fromRecords(ComplaintEvents.cloudEvent(
                            prefix + "complaint-events",
                            UUID.randomUUID().toString(),
                            "complaint.received.v1",
                            complaintId.toString(),
                            data))
                    .awaitCompletion();
            String token = KeycloakTokens.of("dept-nc-amr");
            String caseId = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> RestAssured.given()
                                    .auth()
                                    .oauth2(token)
                                    .queryParam("trackingNumber", trackingNumber)
                                    .get("/api/v1/cases")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .<String>path("items[0].id"),
                            id -> id != null);
            List<String> bodies = List.of(
                    RestAssured.given()
                            .auth()
                            .oauth2(token)
                            .queryParam("trackingNumber", trackingNumber)
                            .get("/api/v1/cases")
                            .asString(),
                    RestAssured.given()
                            .auth()
                            .oauth2(token)
                            .get("/api/v1/cases/" + caseId)
                            .asString(),
                    RestAssured.given()
                            .auth()
                            .oauth2(token)
                            .get("/api/v1/cases/" + caseId + "/events")
                            .asString());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> caseEvents.getRecords().stream()
                            .anyMatch(r -> complaintId.toString().equals(r.key())));
            caseEvents.stop();
            String published = caseEvents.getRecords().stream()
                    .filter(r -> complaintId.toString().equals(r.key()))
                    .map(r -> r.value())
                    .toList()
                    .toString();
            for (String personal : PERSONAL) {
                bodies.forEach(body -> assertFalse(body.contains(personal), personal + " reached a department"));
                assertFalse(published.contains(personal), personal + " reached case-events");
            }
        }
    }
}
