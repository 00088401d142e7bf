package cn.jxquality.notify.optout;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.PublicClients;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A citizen stops messages with the code every message carries; the endpoint is public. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class OptOutTest {

    @Inject
    Pool pool;

    @Test
    void theCodeFromAnSmsSilencesLaterMessagesAboutThatComplaint() {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        Stubs.contact(complaintId, mobile, null, "zh-CN");
        Stubs.smsGateway(mobile, 200);
        Events.publish(
                "complaint-events",
                "complaint.received.v1",
                complaintId,
                Events.complaintReceived(complaintId, trackingNumber, false));
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT"
                        .equals(NotificationRows.one(pool, trackingNumber, "SMS")
                                .status()));
        String sms = NotificationRows.one(pool, trackingNumber, "SMS").body();
        Matcher code = Pattern.compile("退订码 ([0-9A-Z]{8})").matcher(sms);
        assertThat(sms, code.find(), equalTo(true));

        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", PublicClients.forwardedFor())
                .body("{\"trackingNumber\":\"%s\",\"optOutCode\":\"%s\"}".formatted(trackingNumber, code.group(1)))
                .when()
                .post("/api/v1/opt-outs")
                .then()
                .statusCode(204);
        Events.publish(
                "case-events",
                "case.accepted.v1",
                complaintId,
                Events.caseTransitioned(
                        complaintId,
                        trackingNumber,
                        "360100-AMR",
                        null,
                        "ACCEPTED",
                        null,
                        "已受理 Accepted by 360100-AMR"));

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).stream()
                                .filter(r ->
                                        r.channel().equals("SMS") && r.status().equals("SKIPPED"))
                                .count()
                        == 1);
        ThirdParties.wireMock().verify(1, Stubs.smsTo(mobile));
        assertThat(
                NotificationRows.of(pool, trackingNumber).stream()
                        .map(NotificationRows.Stored::lastError)
                        .toList(),
                hasItem(containsString("opted out")));
    }

    @Test
    void aWrongCodeIsNotFound() {
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", PublicClients.forwardedFor())
                .body("{\"trackingNumber\":\"%s\",\"optOutCode\":\"ABCDEFGH\"}".formatted(Events.trackingNumber()))
                .when()
                .post("/api/v1/opt-outs")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aMalformedRequestNamesTheFields() {
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", PublicClients.forwardedFor())
                .body("{\"trackingNumber\":\"12345\"}")
                .when()
                .post("/api/v1/opt-outs")
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("optOutCode", "trackingNumber"));
    }
}
