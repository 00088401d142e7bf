package cn.jxquality.notify.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the test Keycloak, through the public client suite-cli. */
public final class KeycloakTokens {

    private KeycloakTokens() {}

    public static String of(String username) {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given().formParam("grant_type", "password")
                .formParam("client_id", "suite-cli")
                .formParam("username", username)
                .formParam("password", "password")
                .when()
                .post(realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
