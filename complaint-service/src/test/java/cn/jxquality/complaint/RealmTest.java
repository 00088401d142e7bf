package cn.jxquality.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The realm export is the production realm: no people, every secret a placeholder Keycloak fills from the
 * environment, brute-force protection, a password policy, one exact redirect URI with PKCE and no password grant.
 * The demo's people and the scripts' client are a separate partial import. The test Keycloak imports both, so the
 * realm's rules are also checked where they act.
 */
@QuarkusTest
class RealmTest {

    private static final Path SEEDS = Path.of("../seeds/keycloak");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void theProductionRealmHasNoPeopleAndNoPasswordGrant() throws IOException {
        JsonNode production =
                JSON.readTree(SEEDS.resolve("jiangxi-quality-realm.json").toFile());

        assertThat(values(production.path("users"), "username"), everyItem(startsWith("service-account-")));
        assertThat(values(production.path("clients"), "clientId"), not(hasItem("suite-cli")));
        for (JsonNode client : production.path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id);
            assertFalse(client.path("publicClient").asBoolean(), id);
            assertTrue(client.path("secret").asText().matches("\\$\\{[A-Z_]+_CLIENT_SECRET}"), id);
        }
    }

    @Test
    void theProductionRealmLocksOutGuessersAndAsksForStrongPasswords() throws IOException {
        JsonNode production =
                JSON.readTree(SEEDS.resolve("jiangxi-quality-realm.json").toFile());

        assertTrue(production.path("bruteForceProtected").asBoolean());
        assertFalse(production.path("permanentLockout").asBoolean()); // a stranger cannot lock one out for good
        int failures = production.path("failureFactor").asInt();
        assertTrue(failures >= 1 && failures <= 10, "failureFactor " + failures);
        assertThat(
                production.path("passwordPolicy").asText(),
                stringContainsInOrder("length(12)", "notUsername", "notEmail", "passwordHistory"));
        assertThat(production.path("sslRequired").asText(), in(List.of("external", "all")));
    }

    @Test
    void theConsoleHasOneExactRedirectAndPkce() throws IOException {
        JsonNode console =
                client(JSON.readTree(SEEDS.resolve("jiangxi-quality-realm.json").toFile()), "web-console");

        assertThat(values(console.path("redirectUris"), null), contains("${CONSOLE_BASE_URL}/console/callback"));
        assertEquals(
                "${CONSOLE_BASE_URL}/signed-out",
                console.path("attributes").path("post.logout.redirect.uris").asText());
        assertEquals(
                "S256",
                console.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(console.path("standardFlowEnabled").asBoolean());
        assertFalse(console.path("implicitFlowEnabled").asBoolean());
    }

    @Test
    void theConsolesTokensCarryPeoplesRolesOnlyNeverAServiceAccountsRole() throws IOException {
        JsonNode production =
                JSON.readTree(SEEDS.resolve("jiangxi-quality-realm.json").toFile());
        JsonNode console = client(production, "web-console");

        assertFalse(console.path("fullScopeAllowed").asBoolean(true));
        JsonNode mapping = StreamSupport.stream(production.path("scopeMappings").spliterator(), false)
                .filter(m -> m.path("client").asText().equals("web-console"))
                .findFirst()
                .orElseThrow();
        assertThat(
                values(mapping.path("roles"), null),
                containsInAnyOrder(
                        "operator",
                        "supervisor",
                        "department",
                        "reward-reviewer",
                        "reward-approver",
                        "finance",
                        "auditor",
                        "admin",
                        "enterprise"));
    }

    @Test
    void theDemoAdditionsArePeopleAndTheScriptsClientOnly() throws IOException {
        JsonNode demo = JSON.readTree(SEEDS.resolve("demo-realm-additions.json").toFile());

        List<String> fields = new ArrayList<>();
        demo.fieldNames().forEachRemaining(fields::add);
        assertThat(fields, containsInAnyOrder("ifResourceExists", "passwordPolicy", "users", "clients"));
        assertThat(values(demo.path("clients"), "clientId"), contains("suite-cli"));
        assertThat(values(demo.path("users"), "username"), everyItem(not(startsWith("service-account-"))));
    }

    @Test
    void theConsoleClientTakesNoPassword() {
        given().contentType(ContentType.URLENC)
                .formParams(Map.of(
                        "grant_type", "password",
                        "client_id", "web-console",
                        "client_secret", "web-console-dev-secret",
                        "username", "operator1",
                        "password", "password"))
                .post(realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unauthorized_client"));
    }

    @Test
    void theConsoleSignsInOnlyThroughItsOwnCallbackWithPkce() {
        String callback = "http://127.0.0.1:18081/console/callback";
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        Map<String, String> request = Map.of(
                "client_id", "web-console",
                "response_type", "code",
                "scope", "openid",
                "state", "s",
                "code_challenge", challenge,
                "code_challenge_method", "S256");

        given().redirects()
                .follow(false)
                .queryParams(request)
                .queryParam("redirect_uri", callback)
                .get(realm + "/protocol/openid-connect/auth")
                .then()
                .statusCode(200)
                .body(containsString("kc-form-login"));
        given().redirects()
                .follow(false)
                .queryParams(request)
                .queryParam("redirect_uri", "http://127.0.0.1:18081/console/elsewhere")
                .get(realm + "/protocol/openid-connect/auth")
                .then()
                .statusCode(400);
        given().redirects()
                .follow(false)
                .queryParam("client_id", "web-console")
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", callback)
                .get(realm + "/protocol/openid-connect/auth")
                .then()
                .statusCode(302)
                .header("Location", containsString("error=invalid_request"));
    }

    @Test
    void fiveWrongPasswordsLockAnAccountForAWhile() {
        String admin = masterAdmin();
        String username = "lockout-probe-" + UUID.randomUUID();
        String users = realm.replace("/realms/", "/admin/realms/") + "/users";
        String location = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.org",
                        "emailVerified",
                        true,
                        "firstName",
                        "Lockout",
                        "lastName",
                        "Probe",
                        "enabled",
                        true,
                        "credentials",
                        List.of(Map.of("type", "password", "value", "right-password", "temporary", false))))
                .post(users)
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        try {
            assertEquals(200, signIn(username, "right-password"));
            for (int i = 0; i < 5; i++) {
                assertEquals(401, signIn(username, "wrong-password-" + i));
            }
            assertNotEquals(200, signIn(username, "right-password"), "a locked account signed in");
        } finally {
            given().auth().oauth2(admin).delete(location).then().statusCode(204);
        }
    }

    private int signIn(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of(
                        "grant_type", "password", "client_id", "suite-cli", "username", username, "password", password))
                .post(realm + "/protocol/openid-connect/token")
                .statusCode();
    }

    /** The test Keycloak's administrator (admin / admin in the test profile only). */
    private String masterAdmin() {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of(
                        "grant_type", "password",
                        "client_id", "admin-cli",
                        "username", "admin",
                        "password", "admin"))
                .post(realm.substring(0, realm.indexOf("/realms/")) + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(clientId))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.asText() : node.path(field).asText())
                .toList();
    }
}
