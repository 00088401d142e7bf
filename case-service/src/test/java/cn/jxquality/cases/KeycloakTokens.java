package cn.jxquality.cases;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the Keycloak that `./suite test` started, through the public client suite-cli. */
public final class KeycloakTokens {

    private KeycloakTokens() {}

    /** A service account's token (client credentials), e.g. complaint-service's, which relays citizens' claims. */
    public static String ofService(String clientId) {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-dev-secret")
                .when()
                .post(realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

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
