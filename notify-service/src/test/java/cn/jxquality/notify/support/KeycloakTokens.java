package cn.jxquality.notify.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the test Keycloak: demo users through the public client suite-cli, and service accounts. */
public final class KeycloakTokens {

    private KeycloakTokens() {}

    public static String of(String username) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "suite-cli")
                .formParam("username", username)
                .formParam("password", "password")
                .when()
                .post(tokenEndpoint())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The client-credentials token of notify-service's own service account (realm role {@code service}). */
    public static String serviceAccount() {
        String secret = ConfigProvider.getConfig().getValue("quarkus.oidc-client.credentials.secret", String.class);
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "notify-service")
                .formParam("client_secret", secret)
                .when()
                .post(tokenEndpoint())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** complaint-service's client-credentials token: realm role {@code citizen-relay}, its opt-out page's relay. */
    public static String complaintService() {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "complaint-service")
                .formParam("client_secret", "complaint-service-dev-secret")
                .when()
                .post(tokenEndpoint())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String tokenEndpoint() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                + "/protocol/openid-connect/token";
    }
}
