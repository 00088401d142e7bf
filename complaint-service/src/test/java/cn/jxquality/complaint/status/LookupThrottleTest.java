package cn.jxquality.complaint.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LookupThrottleTest {

    @Test
    void tenFailuresForANumberLockItEvenForTheRightCode() {
        Map<String, String> receipt = submit();
        for (int i = 0; i < 10; i++) {
            lookup(receipt.get("trackingNumber"), "WRONGCODE234", Submissions.randomClient())
                    .statusCode(404);
        }
        String retryAfter = lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), Submissions.randomClient())
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .extract()
                .header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 800 && seconds <= 900, "about 15 minutes, was " + seconds);
    }

    @Test
    void tenFailuresFromAClientLockItOutOfEveryNumber() {
        Map<String, String> receipt = submit();
        String client = Submissions.randomClient();
        for (int i = 0; i < 10; i++) {
            lookup(Submissions.unknownTrackingNumber(), "WRONGCODE234", client).statusCode(404);
        }
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), client).statusCode(429);
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), Submissions.randomClient())
                .statusCode(200);
    }

    @Test
    void nineFailuresStillLetTheRightCodeIn() {
        Map<String, String> receipt = submit();
        String client = Submissions.randomClient();
        for (int i = 0; i < 9; i++) {
            lookup(receipt.get("trackingNumber"), "WRONGCODE234", client).statusCode(404);
        }
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), client).statusCode(200);
    }

    @Test
    void unknownNumberAndWrongCodeStillLookTheSame() {
        Map<String, String> receipt = submit();
        String client = Submissions.randomClient();
        String wrongCode = lookup(receipt.get("trackingNumber"), "WRONGCODE234", client)
                .statusCode(404)
                .extract()
                .asString();
        String unknown = lookup(Submissions.unknownTrackingNumber(), "WRONGCODE234", client)
                .statusCode(404)
                .extract()
                .asString();
        assertEquals(wrongCode, unknown);
    }

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

    private static ValidatableResponse lookup(String trackingNumber, String queryCode, String client) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "198.51.100.200, " + client)
                .body(Map.of("trackingNumber", trackingNumber, "queryCode", queryCode))
                .when()
                .post("/api/v1/status-lookups")
                .then();
    }
}
