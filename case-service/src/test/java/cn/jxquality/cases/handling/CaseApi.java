package cn.jxquality.cases.handling;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Calls of the department API as a department's system makes them, under the test's identity. */
final class CaseApi {

    private CaseApi() {}

    static ValidatableResponse get(UUID id) {
        return given().when().get("/api/v1/cases/" + id).then();
    }

    static int version(UUID id) {
        return get(id).statusCode(200).extract().path("version");
    }

    /** An action with the case's current version in If-Match. */
    static ValidatableResponse act(UUID id, String action, String body) {
        return act(id, action, body, "\"" + version(id) + "\"");
    }

    /** An action with the given If-Match (null: none) and JSON body (null: none). */
    static ValidatableResponse act(UUID id, String action, String body, String ifMatch) {
        var request = given();
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/cases/" + id + "/" + action).then();
    }

    static ValidatableResponse events(UUID id) {
        return given().when().get("/api/v1/cases/" + id + "/events").then();
    }
}
