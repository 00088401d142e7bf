package cn.jxquality.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The callers of {@link EndpointPolicy}'s sweep, with real tokens from the Keycloak the tests run against: a user of
 * each realm role (the demo realm's, through the public client {@code suite-cli}), each service account (client
 * credentials), nobody, an expired token (a user's, from a copy of {@code suite-cli} whose tokens live one second),
 * and a token of another realm ({@code master}'s administrator).
 */
public final class Callers {

    /**
     * One caller. {@code roles}: the realm roles its token carries; {@code accepted}: whether the service under test
     * takes the token at all (signed by its realm, unexpired, with its audience); {@code token} null: none.
     */
    public record Caller(String name, Set<String> roles, String token, boolean accepted) {}

    /** A user of each realm role of the demo realm. */
    static final List<String> USERS = List.of(
            "operator1",
            "supervisor1",
            "dept-nc-amr",
            "reviewer1",
            "approver1",
            "finance1",
            "auditor1",
            "admin1",
            "ent-demo");

    static final List<String> SERVICES = List.of("complaint-service", "case-service", "notify-service");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Callers() {}

    /**
     * Everyone, as the service {@code audience} sees them. {@code realmUrl}: the realm's issuer, e.g.
     * {@code http://127.0.0.1:18180/realms/jiangxi-quality}.
     */
    public static List<Caller> of(String realmUrl, String audience) throws IOException, InterruptedException {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("nobody", Set.of(), null, false));
        for (String user : USERS) {
            callers.add(caller(user, password(realmUrl, "suite-cli", user), audience));
        }
        for (String service : SERVICES) {
            callers.add(caller(service + " (service account)", clientCredentials(realmUrl, service), audience));
        }
        callers.add(new Caller("an expired token (operator1's)", Set.of("operator"), expired(realmUrl), false));
        callers.add(
                new Caller("another realm's token (master's admin)", Set.of("admin"), masterAdmin(realmUrl), false));
        return callers;
    }

    private static Caller caller(String name, String token, String audience) throws IOException {
        JsonNode claims = claims(token);
        Set<String> roles = new TreeSet<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        JsonNode aud = claims.path("aud");
        boolean accepted = aud.isArray()
                ? java.util.stream.StreamSupport.stream(aud.spliterator(), false)
                        .anyMatch(a -> a.asText().equals(audience))
                : aud.asText().equals(audience);
        return new Caller(name, roles, token, accepted);
    }

    private static String password(String realmUrl, String client, String user)
            throws IOException, InterruptedException {
        return token(
                realmUrl,
                Map.of("grant_type", "password", "client_id", client, "username", user, "password", "password"));
    }

    private static String clientCredentials(String realmUrl, String service) throws IOException, InterruptedException {
        return token(
                realmUrl,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        service,
                        "client_secret",
                        service + "-dev-secret"));
    }

    /** operator1's token from a copy of suite-cli whose tokens live one second, once it has run out. */
    private static String expired(String realmUrl) throws IOException, InterruptedException {
        String base = base(realmUrl);
        String realm = realmUrl.substring(realmUrl.lastIndexOf('/') + 1);
        String admin = "Bearer " + masterAdmin(realmUrl);
        HttpResponse<String> found = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + realm + "/clients?clientId=suite-cli"))
                        .header("Authorization", admin)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        ObjectNode copy = (ObjectNode) JSON.readTree(found.body()).get(0);
        copy.remove("id");
        copy.put("clientId", "sweep-short-lived");
        copy.withObject("/attributes").put("access.token.lifespan", "1");
        copy.withArray("protocolMappers").forEach(mapper -> ((ObjectNode) mapper).remove("id"));
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + realm + "/clients"))
                        .header("Authorization", admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(copy)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) { // 409: an earlier run made it
            throw new IllegalStateException("the short-lived client was not made: " + created.body());
        }
        String token = password(realmUrl, "sweep-short-lived", "operator1");
        long expiry = claims(token).path("exp").asLong() * 1000;
        Thread.sleep(Math.max(0, expiry - System.currentTimeMillis()) + 1_500);
        return token;
    }

    /** The test Keycloak's administrator, in its own realm ({@code master}). */
    private static String masterAdmin(String realmUrl) throws IOException, InterruptedException {
        return token(
                base(realmUrl) + "/realms/master",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
    }

    private static String token(String realmUrl, Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no token from " + realmUrl + " for " + form.get("client_id") + ": "
                    + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    private static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String base(String realmUrl) {
        return realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }
}
