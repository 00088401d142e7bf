package cn.jxquality.cases;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Every API answer, a case list as much as a refusal: never sniffed as another type, never cached (it holds the
 * cases of a department), sent without a referrer (SECURITY.md).
 */
@QuarkusTest
class ApiHeadersTest {

    @Test
    void answersAndRefusalsAreNeitherSniffedNorCached() {
        hardened(given().auth()
                .oauth2(KeycloakTokens.of("supervisor1"))
                .get("/api/v1/cases?limit=1")
                .then()
                .statusCode(200));
        hardened(given().get("/api/v1/cases?limit=1").then().statusCode(401));
        hardened(given().auth()
                .oauth2(KeycloakTokens.of("operator1"))
                .get("/api/v1/escalations")
                .then()
                .statusCode(403));
    }

    static void hardened(ValidatableResponse response) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer");
    }
}
