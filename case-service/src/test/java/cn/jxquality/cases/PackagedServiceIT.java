package cn.jxquality.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar ({@code target/quarkus-app}), not the test build: it starts, is ready against the real
 * PostgreSQL, Kafka and Keycloak, keeps its API closed to callers without a token and answers with problem details.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    @Test
    void thePackagedJarServes() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/cases?limit=x").then().statusCode(401).contentType("application/problem+json");
        given().get("/q/openapi").then().statusCode(200);
    }
}
