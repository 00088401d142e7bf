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

    /**
     * A service account's client-credentials token (the demo realm's secret {@code <client>-dev-secret}): each holds
     * only its own realm roles and the audiences of the services it calls (complaint-service's: case- and
     * notify-service, role {@code citizen-relay}, its opt-out page's relay; case- and notify-service's: complaint-service
     * only).
     */
    public static String ofService(String client) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client)
                .formParam("client_secret", client + "-dev-secret")
                .when()
                .post(tokenEndpoint())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** complaint-service's client-credentials token: realm role {@code citizen-relay}, its opt-out page's relay. */
    public static String complaintService() {
        return ofService("complaint-service");
    }

    private static String tokenEndpoint() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                + "/protocol/openid-connect/token";
    }
}
