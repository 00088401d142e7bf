package cn.jxquality.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A malformed query or path parameter is the client's mistake: 400 problem+json naming the parameter (platform's
 * {@code ScalarParameters}), never JAX-RS's bare 404 that reads as "no such case".
 */
@QuarkusTest
class ParameterErrorsTest {

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
        "/api/v1/cases?limit=[],                                limit",
        "/api/v1/cases?limit=x,                                 limit",
        "/api/v1/cases?state=PONDERING,                         state",
        "/api/v1/cases/not-a-uuid,                              id",
        "/api/v1/cases/0b4a8b00-0000-4000-8000-00000000000z,    id"
    })
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aMalformedParameterIsNamed(String path, String parameter) {
        given().get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://jxquality.cn/problems/invalid-input"))
                .body("violations[0].field", equalTo(parameter));
    }
}
