package cn.jxquality.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed query or path parameter: 400 problem+json naming it (platform's mapping), never a bare 404. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class ParameterErrorsTest {

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
        "/api/v1/notifications?limit=x,                         limit",
        "/api/v1/notifications?status=LOST,                    status",
        "/api/v1/notifications/resend-batches?limit=1.5,        limit",
        "/api/v1/notifications/resend-batches/batch-one,        batchId"
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
