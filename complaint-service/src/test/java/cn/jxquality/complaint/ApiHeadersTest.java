package cn.jxquality.complaint;

import static io.restassured.RestAssured.given;

import cn.jxquality.platform.http.ApiHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every API answer, a complaint's record as much as a refusal or the public Open311 list: never sniffed as another
 * type, never cached (staff answers hold personal data), sent without a referrer (SECURITY.md). Pages have their own,
 * stricter set (Content-Security-Policy and the rest, see the page tests).
 */
@QuarkusTest
class ApiHeadersTest {

    @Test
    void answersAndRefusalsAreNeitherSniffedNorCached() {
        Map<?, ?> receipt = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        var record = given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .queryParam("reason", "headers test")
                .get("/api/v1/complaints/" + receipt.get("trackingNumber"));
        ApiHeaders.assertHardened("a record", record.then().statusCode(200).extract()::header);
        var anonymous =
                given().queryParam("reason", "headers test").get("/api/v1/complaints/" + receipt.get("trackingNumber"));
        ApiHeaders.assertHardened("401", anonymous.then().statusCode(401).extract()::header);
        var open311 = given().get("/open311/v2/services.json");
        ApiHeaders.assertHardened("Open311", open311.then().statusCode(200).extract()::header);
    }
}
