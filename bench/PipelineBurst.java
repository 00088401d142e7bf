import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The intake half of bench/pipeline-burst.sh: CLIENTS hotline operators register COUNT complaints as fast as
 * complaint-service accepts them (closed loop, each client sends its next complaint when the last one is answered),
 * and the tracking number of every 201 is written to TRACKING_FILE for the script to follow downstream. Bounded by
 * COUNT and by MAX_SECONDS.
 */
public class PipelineBurst {

    static final Pattern TRACKING = Pattern.compile("\"trackingNumber\":\"(JX\\d{14,15})\"");

    public static void main(String[] args) throws Exception {
        String complaints = env("COMPLAINT_URL", "http://127.0.0.1:8081");
        String keycloak = env("KEYCLOAK_URL", "http://127.0.0.1:8180");
        int count = Integer.parseInt(env("COUNT", "3000"));
        int clients = Integer.parseInt(env("CLIENTS", "16"));
        long maxNanos = Duration.ofSeconds(Long.parseLong(env("MAX_SECONDS", "600"))).toNanos();
        Path trackingFile = Path.of(env("TRACKING_FILE", "target/pipeline-burst-tracking.txt"));

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String operator = token(http, keycloak, "operator1");
        List<String> accepted = Collections.synchronizedList(new ArrayList<>(count));
        List<Long> micros = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();

        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (issued.getAndIncrement() < count && System.nanoTime() - start < maxNanos) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response =
                                http.send(submission(complaints, operator), HttpResponse.BodyHandlers.ofString());
                        Matcher m = TRACKING.matcher(response.body());
                        if (response.statusCode() == 201 && m.find()) {
                            micros.add((System.nanoTime() - t0) / 1000);
                            accepted.add(m.group(1));
                        } else {
                            statuses.merge(response.statusCode(), 1, Integer::sum);
                            failed(failures, failureSamples, response.statusCode() + " " + response.body());
                        }
                    } catch (IOException e) {
                        failed(failures, failureSamples, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(trackingFile.toAbsolutePath().getParent());
        Files.write(trackingFile, accepted);

        System.out.printf("intake                  %d of %d accepted (201) by %d clients in %.1f s: %.1f/s%n",
                accepted.size(), count, clients, seconds, accepted.size() / seconds);
        System.out.printf("intake failures         %d, by status %s (a 500 is a defect; a 503 carries Retry-After)%s%n",
                failures.get(), statuses,
                failureSamples.isEmpty() ? "" : "; first: " + failureSamples.get(0));
        report("intake POST latency    ", micros);
        System.exit(accepted.isEmpty() ? 1 : 0);
    }

    static void failed(AtomicInteger failures, List<String> samples, String what) {
        failures.incrementAndGet();
        if (samples.size() < 3) {
            samples.add(what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    /** A hotline complaint from a distinct caller about a distinct shop, so none is linked as a duplicate. */
    static HttpRequest submission(String complaints, String operatorToken) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = ("""
                {"kind":"COMPLAINT","channel":"HOTLINE_12315","category":"PRODUCT.FOOD",
                 "subject":{"name":"南昌某某食品有限公司%d","regionCode":"360100"},
                 "description":"基准测试投诉：购买的食品已过保质期。","remedy":"REFUND",
                 "person":{"name":"测试","mobile":"139%08d"},"anonymous":false,"rewardRequested":false}""")
                .formatted(random.nextInt(1_000_000), random.nextInt(100_000_000));
        return HttpRequest.newBuilder(URI.create(complaints + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorToken)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
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
            throw new IllegalStateException("no token: " + response.body());
        }
        return m.group(1);
    }

    static void report(String label, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("%s (no samples)%n", label);
            return;
        }
        System.out.printf("%s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (n=%d)%n",
                label, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0,
                sorted.size());
    }

    static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
