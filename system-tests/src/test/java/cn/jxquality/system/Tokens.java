package cn.jxquality.system;

import static io.restassured.RestAssured.given;

/** Real access tokens from Keycloak for the demo users (password grant through the public client suite-cli). */
final class Tokens {

    private Tokens() {}

    static String of(String username) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "suite-cli")
                .formParam("username", username)
                .formParam("password", "password")
                .when()
                .post(RunningSuite.REALM + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
