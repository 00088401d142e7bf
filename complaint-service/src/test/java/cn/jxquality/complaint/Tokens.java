package cn.jxquality.complaint;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real access tokens from the test Keycloak (realm jiangxi-quality, password {@code password} for every user), one
 * per realm role, kept for a minute (they live five).
 */
public final class Tokens {

    /** A user of each staff role, as seeded. */
    public static final List<String> STAFF = List.of(
            "operator1", "supervisor1", "dept-nc-amr", "reviewer1", "approver1", "finance1", "auditor1", "admin1");

    /**
     * The service accounts, by client id: case-service's holds {@code claim-verifier} and {@code identity-reader},
     * notify-service's {@code contact-reader}.
     */
    public static final String CASE_SERVICE = "case-service";

    public static final String NOTIFY_SERVICE = "notify-service";

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /** A token of a staff user, or of a service account when {@code who} is a client id. */
    public static String of(String who) {
        Cached cached = CACHE.get(who);
        if (cached != null && cached.fetchedAt() > System.currentTimeMillis() - 60_000) {
            return cached.token();
        }
        Map<String, String> form = who.endsWith("-service")
                ? Map.of("grant_type", "client_credentials", "client_id", who, "client_secret", who + "-dev-secret")
                : Map.of("grant_type", "password", "client_id", "suite-cli", "username", who, "password", "password");
        String token = given().contentType(ContentType.URLENC)
                .formParams(form)
                .post(realm() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        CACHE.put(who, new Cached(token, System.currentTimeMillis()));
        return token;
    }

    /** The principal name a service account's token carries. */
    public static String principalOf(String serviceClient) {
        return "service-account-" + serviceClient;
    }

    private static String realm() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    private record Cached(String token, long fetchedAt) {}
}
