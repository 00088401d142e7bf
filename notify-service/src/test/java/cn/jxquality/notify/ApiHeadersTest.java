package cn.jxquality.notify;

import static io.restassured.RestAssured.given;

import cn.jxquality.notify.support.KeycloakTokens;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Every API answer, the notification log as much as a refusal: never sniffed as another type, never cached (it
 * holds citizens' messages), sent without a referrer (SECURITY.md).
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class ApiHeadersTest {

    @Test
    void answersAndRefusalsAreNeitherSniffedNorCached() {
        hardened(given().auth()
                .oauth2(KeycloakTokens.of("supervisor1"))
                .get("/api/v1/notifications?limit=1")
                .then()
                .statusCode(200));
        hardened(given().get("/api/v1/notifications?limit=1").then().statusCode(401));
        hardened(given().auth()
                .oauth2(KeycloakTokens.of("operator1"))
                .get("/api/v1/notifications?limit=1")
                .then()
                .statusCode(403));
    }

    static void hardened(ValidatableResponse response) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer");
    }
}
