package cn.jxquality.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoint × caller sweep (issue 17): every operation of a service's OpenAPI document, called by every caller of
 * {@link Callers} (a user of each realm role, each service account, nobody, an expired token, another realm's token),
 * against the service's declared policy table ({@code src/test/resources/endpoint-policy.txt}). An operation without
 * a row, or a row without an operation, is a failure: a new endpoint needs its policy written down.
 *
 * <p>A row: {@code METHOD /path who…}, {@code who} being the realm roles that may call it, {@code public}, or
 * {@code api-key} (only with the service's API key, which the sweep does not send: 403 to everyone). What a
 * caller must get: a protected operation answers 401 to nobody and to a token this service does not accept (expired,
 * another realm's, or without its audience), 403 to an accepted token without one of the roles, and neither to one
 * with a role; a public operation answers neither 401 nor 403 to nobody and to accepted tokens. No caller may get a
 * 5xx: the requests are made of placeholders (a random id, an empty JSON object), a client's mistake at worst.
 */
public final class EndpointPolicy {

    public static final String PUBLIC = "public";

    /** Callable only with the service's own API key (Open311's {@code api_key}), which no token replaces. */
    public static final String API_KEY = "api-key";

    /** One operation of the OpenAPI document; {@code body}: the media type of its request body, or null. */
    public record Operation(String method, String path, String body) {

        public String key() {
            return method + " " + path;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> rows;

    private EndpointPolicy(Map<String, Set<String>> rows) {
        this.rows = rows;
    }

    /** Reads a policy table: one row per operation, {@code #} starts a comment. */
    public static EndpointPolicy read(Path table) throws IOException {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
            String row = line.replaceFirst("#.*", "").strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] cells = row.split("\\s+");
            if (cells.length < 3) {
                throw new IllegalArgumentException("a policy row needs a method, a path and who may call: " + line);
            }
            String key = cells[0].toUpperCase(Locale.ROOT) + " " + cells[1];
            if (rows.put(key, new TreeSet<>(Arrays.asList(cells).subList(2, cells.length))) != null) {
                throw new IllegalArgumentException("two policy rows for " + key);
            }
        }
        return new EndpointPolicy(rows);
    }

    /** The operations of an OpenAPI document (JSON). */
    public static List<Operation> operations(String openApi) throws IOException {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths =
                JSON.readTree(openApi).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    Iterator<String> types =
                            operation.path("requestBody").path("content").fieldNames();
                    operations.add(new Operation(
                            method.toUpperCase(Locale.ROOT), path.getKey(), types.hasNext() ? types.next() : null));
                }
            }
        }
        return operations;
    }

    /** Who may call the operation by its row: realm roles, {@link #PUBLIC} or {@link #API_KEY}; none without a row. */
    public Set<String> who(Operation operation) {
        return rows.getOrDefault(operation.key(), Set.of());
    }

    /** Operations without a row and rows without an operation; empty when the table covers the document exactly. */
    public List<String> gaps(List<Operation> operations) {
        List<String> gaps = new ArrayList<>();
        Set<String> documented = new LinkedHashSet<>();
        for (Operation operation : operations) {
            documented.add(operation.key());
            if (!rows.containsKey(operation.key())) {
                gaps.add("no policy row for " + operation.key());
            }
        }
        for (String row : rows.keySet()) {
            if (!documented.contains(row)) {
                gaps.add("a policy row for an operation the service does not have: " + row);
            }
        }
        return gaps;
    }

    /** Calls every operation as every caller on {@code baseUrl}; yields each answer that breaks the table. */
    public List<String> sweep(String baseUrl, List<Operation> operations, List<Callers.Caller> callers)
            throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> broken = new ArrayList<>();
        for (Operation operation : operations) {
            Set<String> who = rows.getOrDefault(operation.key(), Set.of());
            for (Callers.Caller caller : callers) {
                int status = http.send(request(baseUrl, operation, caller), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                String wrong = judge(who, caller, status);
                if (wrong != null) {
                    broken.add(operation.key() + " as " + caller.name() + ": " + status + ", expected " + wrong);
                }
            }
        }
        return broken;
    }

    /**
     * The whole check for a service's {@code EndpointPolicyTest}: its live OpenAPI document at {@code baseUrl} against
     * {@code table}, then every operation as every caller; fails naming each gap and each wrong answer.
     */
    public static void check(String baseUrl, String service, String realmUrl, Path table)
            throws IOException, InterruptedException {
        EndpointPolicy policy = read(table);
        HttpResponse<String> document = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        List<Operation> operations = operations(document.body());
        if (operations.isEmpty()) {
            throw new AssertionError("the OpenAPI document lists no operation: " + document.statusCode());
        }
        List<String> gaps = policy.gaps(operations);
        if (!gaps.isEmpty()) {
            throw new AssertionError(service + "'s endpoint policy table (" + table + ") does not match its API:\n  "
                    + String.join("\n  ", gaps));
        }
        List<Callers.Caller> callers = Callers.of(realmUrl, service);
        List<String> broken = policy.sweep(baseUrl, operations, callers);
        if (!broken.isEmpty()) {
            throw new AssertionError(broken.size() + " of " + operations.size() * callers.size() + " answers break "
                    + service + "'s endpoint policy:\n  " + String.join("\n  ", broken));
        }
    }

    /** What the caller should have got, when {@code status} is not it; null when it is. */
    static String judge(Set<String> who, Callers.Caller caller, int status) {
        if (status >= 500) {
            return "no 5xx (the request is at worst a client's mistake)";
        }
        if (who.contains(API_KEY)) { // the sweep sends no key: every caller is refused, a token is no key
            boolean refused = status == 403 || (status == 401 && caller.token() != null && !caller.accepted());
            return refused ? null : "403 (no API key; 401 for a token not taken)";
        }
        boolean open = who.contains(PUBLIC);
        if (open) {
            if (caller.token() == null || caller.accepted()) {
                return status == 401 || status == 403 ? "neither 401 nor 403 (public)" : null;
            }
            return status == 403 ? "not 403 (public)" : null;
        }
        if (caller.token() == null || !caller.accepted()) {
            return status == 401 ? null : "401";
        }
        boolean allowed = caller.roles().stream().anyMatch(who::contains);
        if (allowed) {
            return status == 401 || status == 403 ? "neither 401 nor 403 (role allowed)" : null;
        }
        return status == 403 ? null : "403";
    }

    private static HttpRequest request(String baseUrl, Operation operation, Callers.Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + filled(operation.path())))
                .header("Accept", "application/json");
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (operation.body() != null) {
            String type = operation.body();
            if (type.startsWith("multipart/")) {
                type = "multipart/form-data; boundary=sweep";
                body = HttpRequest.BodyPublishers.ofString("--sweep--\r\n");
            } else if (type.equals("application/x-www-form-urlencoded")) {
                body = HttpRequest.BodyPublishers.ofString("");
            } else {
                body = HttpRequest.BodyPublishers.ofString("{}");
            }
            request.header("Content-Type", type);
        }
        return request.method(operation.method(), body).build();
    }

    /** The path with a placeholder for each parameter: a random id, a tracking number of nobody, json, or a word. */
    static String filled(String path) {
        Matcher parameter = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1).toLowerCase(Locale.ROOT);
            String value = name.contains("tracking")
                    ? "JX00000000000000"
                    : name.equals("format")
                            ? "json"
                            : name.endsWith("id") ? UUID.randomUUID().toString() : "x";
            parameter.appendReplacement(filled, value);
        }
        return parameter.appendTail(filled).toString();
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
}
