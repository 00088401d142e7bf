package cn.jxquality.notify;

import static io.restassured.RestAssured.given;

import cn.jxquality.notify.support.KeycloakTokens;
import cn.jxquality.notify.support.ThirdParties;
import cn.jxquality.platform.http.ApiHeaders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every API answer, the notification log (citizens' messages) as much as a refusal, carries {@link ApiHeaders}. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class ApiHeadersTest {

    @Test
    void answersAndRefusalsAreNeitherSniffedNorCached() {
        var log = given().auth().oauth2(KeycloakTokens.of("supervisor1")).get("/api/v1/notifications?limit=1");
        ApiHeaders.assertHardened("the log", log.then().statusCode(200).extract()::header);
        var anonymous = given().get("/api/v1/notifications?limit=1");
        ApiHeaders.assertHardened("401", anonymous.then().statusCode(401).extract()::header);
        var operator = given().auth().oauth2(KeycloakTokens.of("operator1")).get("/api/v1/notifications?limit=1");
        ApiHeaders.assertHardened("403", operator.then().statusCode(403).extract()::header);
    }
}
