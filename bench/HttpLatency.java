import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of one GET, sequentially (one client, so the figure is the server's answer time, not queueing):
 * {@code java bench/HttpLatency.java <label> <user> <url> [<url>...]}. The URLs are used round-robin, so a
 * caller can vary filters or search terms. WARMUP requests first, then COUNT measured ones; any answer
 * other than 200 counts as a failure and is reported. A user written {@code session:operator1} signs in to the
 * console as a browser does (Keycloak's login form, the session cookie) instead of sending a bearer token.
 */
public class HttpLatency {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: HttpLatency <label> <user> <url>...");
            System.exit(2);
        }
        String label = args[0];
        String user = args[1];
        List<String> urls = List.of(args).subList(2, args.length);
        int warmup = Integer.parseInt(env("WARMUP", "200"));
        int count = Integer.parseInt(env("COUNT", "1000"));
        String keycloak = env("KEYCLOAK_URL", "http://127.0.0.1:8180");

        // HTTP/1.1 as browsers and consoles speak it in clear: cleartext HTTP/2 would multiplex every request over one
        // connection, which the server handles on one event-loop thread
        boolean session = user.startsWith("session:");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new Cookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String token = session ? signIn(http, urls.get(0), user.substring("session:".length())) : token(http, keycloak, user);
        long tokenAt = System.nanoTime();
        List<Long> micros = new ArrayList<>();
        int failures = 0;
        String firstFailure = null;
        for (int i = 0; i < warmup + count; i++) {
            if (!session && System.nanoTime() - tokenAt > 120_000_000_000L) { // tokens live 5 minutes
                token = token(http, keycloak, user);
                tokenAt = System.nanoTime();
            }
            String url = urls.get(i % urls.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (!session) {
                request.header("Authorization", "Bearer " + token);
            }
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long m = (System.nanoTime() - t0) / 1000;
            if (i < warmup) {
                continue;
            }
            if (response.statusCode() == 200) {
                micros.add(m);
            } else {
                failures++;
                if (firstFailure == null) {
                    firstFailure = response.statusCode() + " " + url + " " + response.body();
                }
            }
        }
        Collections.sort(micros);
        System.out.printf(
                "%-40s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (ok %d, failed %d)%n",
                label, pct(micros, 50), pct(micros, 95), pct(micros, 99), micros.size(), failures);
        if (firstFailure != null) {
            System.out.println("  first failure: " + firstFailure.substring(0, Math.min(300, firstFailure.length())));
        }
        System.out.printf("RESULT %s p95_ms=%.1f%n", label.replace(' ', '_'), pct(micros, 95));
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static String token(HttpClient http, String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=suite-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=password";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/jiangxi-quality/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        return m.group(1);
    }

    /**
     * Signs in to the console of the URL's service through Keycloak's own login form (authorization-code flow, the
     * client follows the redirects and keeps the cookies), as a browser would; answers the user name.
     */
    static String signIn(HttpClient http, String anyUrl, String user) throws Exception {
        URI console = URI.create(anyUrl).resolve("/console");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(console).build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri());
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=password";
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200 || !signedIn.uri().getPath().startsWith("/console")) {
            throw new IllegalStateException("signing in as " + user + " ended at " + signedIn.uri());
        }
        return user;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The cookies of a browser, as far as signing in needs them: by host and path, sent as {@code name=value} pairs.
     * (The JDK's CookieManager writes RFC 2965 cookies with {@code $Path}, which Keycloak does not read.)
     */
    static final class Cookies extends java.net.CookieHandler {

        private record Cookie(String host, String path, String name, String value) {}

        private final List<Cookie> jar = new ArrayList<>();

        @Override
        public synchronized java.util.Map<String, List<String>> get(URI uri, java.util.Map<String, List<String>> headers) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            String pairs = jar.stream()
                    .filter(c -> c.host().equals(uri.getHost()) && path.startsWith(c.path()))
                    .map(c -> c.name() + "=" + c.value())
                    .collect(java.util.stream.Collectors.joining("; "));
            return pairs.isEmpty() ? java.util.Map.of() : java.util.Map.of("Cookie", List.of(pairs));
        }

        @Override
        public synchronized void put(URI uri, java.util.Map<String, List<String>> headers) {
            for (String header : headers.getOrDefault("set-cookie", headers.getOrDefault("Set-Cookie", List.of()))) {
                String[] parts = header.split(";");
                int eq = parts[0].indexOf('=');
                if (eq < 1) {
                    continue;
                }
                String name = parts[0].substring(0, eq).trim();
                String value = parts[0].substring(eq + 1).trim();
                String path = "/";
                boolean gone = value.isEmpty();
                for (int i = 1; i < parts.length; i++) {
                    String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                    if (attribute.startsWith("path=")) {
                        path = parts[i].trim().substring(5);
                    } else if (attribute.equals("max-age=0")) {
                        gone = true;
                    }
                }
                String cookiePath = path;
                jar.removeIf(c -> c.host().equals(uri.getHost()) && c.name().equals(name) && c.path().equals(cookiePath));
                if (!gone) {
                    jar.add(new Cookie(uri.getHost(), cookiePath, name, value));
                }
            }
        }
    }
}
