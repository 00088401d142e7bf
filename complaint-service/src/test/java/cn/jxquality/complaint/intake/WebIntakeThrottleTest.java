package cn.jxquality.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anonymous web submissions are limited per client address; operators are not. */
@QuarkusTest
@TestProfile(WebIntakeThrottleTest.ThreePerHour.class)
class WebIntakeThrottleTest {

    /** A limit small enough to reach in a test. */
    public static class ThreePerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.web-rate.max-submissions", "3");
        }
    }

    @Test
    void theFourthAnonymousSubmissionFromOneAddressIsA429() {
        String client = Submissions.randomClient();
        for (int i = 0; i < 3; i++) {
            submit(client).statusCode(201);
        }
        String retryAfter = submit(client)
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .extract()
                .header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 3500 && seconds <= 3600, "about an hour, was " + seconds);
        submit(Submissions.randomClient()).statusCode(201);
    }

    @Test
    void invalidSubmissionsDoNotUseUpTheLimit() {
        String client = Submissions.randomClient();
        Map<String, Object> invalid = Submissions.uniqueWebComplaint();
        invalid.put("category", "PRODUCT.UNICORNS");
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", client)
                    .body(invalid)
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(400);
        }
        submit(client).statusCode(201);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorsAreNotLimited() {
        String client = Submissions.randomClient();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = Submissions.uniqueWebComplaint();
            body.put("channel", "HOTLINE_12315");
            given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", client)
                    .body(body)
                    .post("/api/v1/complaints")
                    .then()
                    .statusCode(201);
        }
    }

    private static ValidatableResponse submit(String client) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", client)
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then();
    }
}
