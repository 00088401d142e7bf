package cn.jxquality.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar ({@code target/quarkus-app}), not the test build: it starts, is ready against the real
 * PostgreSQL, Kafka and Keycloak, keeps its log closed to callers without a token and answers a public client's
 * mistake with problem details.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    @Test
    void thePackagedJarServes() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                // the database as the requests' reactive pool sees it; not the Flyway-only JDBC pool's idle connection
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.name", not(hasItem("Database connections health check")));
        given().get("/api/v1/notifications").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"trackingNumber\":\"\"}")
                .post("/api/v1/opt-outs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
