package cn.jxquality.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Java parses years PostgreSQL cannot store (a timestamp ends in 294276, a date in 5874897): such a query or
 * cursor is the client's mistake, answered 400 naming the parameter, never a 500 from the database.
 */
@QuarkusTest
class ClientTimeTest {

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void yearsBeyondTheDatabaseAreClientErrorsNamingTheParameter() {
        rejected("/api/v1/cases", "receivedFrom", "+1000000-01-01T00:00:00Z");
        rejected("/api/v1/cases", "receivedTo", "-300000-01-01T00:00:00Z");
        rejected("/api/v1/stats/summary", "from", "+999999999-01-01");
        rejected("/api/v1/stats/daily", "to", "1899-12-31");
        rejected("/api/v1/rewards/report", "from", "-999999999-01-01");
        String cursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("+1000000-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        rejected("/api/v1/cases", "after", cursor);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theFirstAndLastYearsAreAccepted() {
        given().queryParam("receivedFrom", "1900-01-01T00:00:00Z")
                .queryParam("receivedTo", "9999-12-31T23:59:59Z")
                .when()
                .get("/api/v1/cases")
                .then()
                .statusCode(200);
        given().queryParam("from", "9999-12-01")
                .queryParam("to", "9999-12-31")
                .when()
                .get("/api/v1/stats/daily")
                .then()
                .statusCode(200);
    }

    private static void rejected(String path, String parameter, String value) {
        given().queryParam(parameter, value)
                .when()
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter));
    }
}
