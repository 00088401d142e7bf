package cn.jxquality.cases;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resources that answer a body return {@code RestResponse<T>}, so the OpenAPI document names the body's schema
 * (a bare {@code Response} documents nothing) and a client generated from it gets a type.
 */
@QuarkusTest
class OpenApiSchemasTest {

    @ParameterizedTest(name = "{1} {0} {2} → {3}")
    @CsvSource({
        "/api/v1/cases/{id},                 get,  200, CaseView",
        "/api/v1/cases/{id}/accept,          post, 200, CaseView",
        "/api/v1/rewards,                    post, 200, RewardView",
        "/api/v1/rewards/{id},               get,  200, RewardView",
        "/api/v1/rewards/{id}/payout,        post, 200, RewardView"
    })
    @SuppressWarnings("unchecked")
    void theBodysSchemaIsNamed(String path, String method, String status, String schema) {
        Map<String, Object> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
        Map<String, Object> response =
                (Map<String, Object>) ((Map<String, Object>) operation.get("responses")).get(status);
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        assertEquals("#/components/schemas/" + schema, ((Map<String, Object>) json.get("schema")).get("$ref"), path);
    }
}
