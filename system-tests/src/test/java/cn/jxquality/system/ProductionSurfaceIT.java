package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged services as production runs them (no profile set): Swagger UI is off (`./suite up` turns it on for
 * the demo) and every answer tells browsers to come back over HTTPS only (SECURITY.md).
 */
@ExtendWith(RunningSuite.class)
class ProductionSurfaceIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        RunningSuite.COMPLAINTS + ", /open311/v2/services.json",
        RunningSuite.CASES + ", /api/v1/cases",
        RunningSuite.NOTIFICATIONS + ", /api/v1/notifications"
    })
    void noApiExplorerAndHttpsOnly(String service, String api) {
        given().redirects().follow(false).get(service + "/q/swagger-ui/").then().statusCode(404);
        given().get(service + "/q/health/ready")
                .then()
                .statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age=31536000"))
                // ready only once the service warmed itself up (platform WarmUp), and it did
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"));
        given().get(service + api)
                .then()
                .header("Strict-Transport-Security", containsString("max-age=31536000"))
                .header("X-Content-Type-Options", "nosniff");
    }
}
