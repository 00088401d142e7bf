package cn.jxquality.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar ({@code target/quarkus-app}), not the test build: it starts, is ready against the real
 * PostgreSQL, Kafka and Keycloak, answers a client's mistake with problem details, serves a page in Chinese and
 * keeps its staff API closed.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    @Test
    void thePackagedJarServes() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"COMPLAINT\"}")
                .post("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().accept("text/html").get("/status").then().statusCode(200).body(containsString("<html lang=\"zh-CN\""));
        given().get("/api/v1/complaints?mobile=13900139000").then().statusCode(401);
    }
}
