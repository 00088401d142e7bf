package cn.jxquality.cases;

import static io.restassured.RestAssured.given;

import cn.jxquality.platform.http.ApiHeaders;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every API answer, a case list as much as a refusal, carries platform's {@link ApiHeaders}. */
@QuarkusTest
class ApiHeadersTest {

    @Test
    void answersAndRefusalsAreNeitherSniffedNorCached() {
        var cases = given().auth().oauth2(KeycloakTokens.of("supervisor1")).get("/api/v1/cases?limit=1");
        ApiHeaders.assertHardened("a case list", cases.then().statusCode(200).extract()::header);
        var anonymous = given().get("/api/v1/cases?limit=1");
        ApiHeaders.assertHardened("401", anonymous.then().statusCode(401).extract()::header);
        var operator = given().auth().oauth2(KeycloakTokens.of("operator1")).get("/api/v1/escalations");
        ApiHeaders.assertHardened("403", operator.then().statusCode(403).extract()::header);
    }
}
