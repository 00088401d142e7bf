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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of complaint-service's front door (issue 3), three phases against a running suite:
 *
 * <ol>
 *   <li>intake throughput: CLIENTS closed-loop clients post hotline complaints (operator token) for DURATION
 *       seconds after a WARMUP of the same load; prints requests/s;
 *   <li>intake latency: an open loop at RATE requests/s for DURATION seconds; prints p50/p95/p99;
 *   <li>status lookups: CLIENTS closed-loop clients look up the complaints created above with their
 *       tracking number and query code for DURATION seconds; prints requests/s.
 * </ol>
 *
 * Lines starting with {@code RESULT} are read by bench/intake-and-status-vs-pgbench.sh to compute the
 * ratios against pgbench.
 */
public class IntakeAndStatus {

    static final Pattern TRACKING = Pattern.compile("\"trackingNumber\":\"([A-Z0-9]+)\"");
    static final Pattern QUERY_CODE = Pattern.compile("\"queryCode\":\"([A-Z0-9]+)\"");

    record Receipt(String trackingNumber, String queryCode) {}

    public static void main(String[] args) throws Exception {
        String complaints = env("COMPLAINT_URL", "http://127.0.0.1:8081");
        String keycloak = env("KEYCLOAK_URL", "http://127.0.0.1:8180");
        int clients = Integer.parseInt(env("CLIENTS", "16"));
        int seconds = Integer.parseInt(env("DURATION", "30"));
        int warmup = Integer.parseInt(env("WARMUP", "20"));
        int rate = Integer.parseInt(env("RATE", "100"));

        // HTTP/1.1 as browsers and consoles speak it in clear: cleartext HTTP/2 would multiplex every request over one
        // connection, which the server handles on one event-loop thread
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        String token = token(http, keycloak, "operator1");
        List<Receipt> receipts = Collections.synchronizedList(new ArrayList<>());

        System.out.printf("intake warm-up          %d clients for %d s%n", clients, warmup);
        closedLoop(clients, warmup, () -> submit(http, complaints, token, receipts));
        Stats intake = closedLoop(clients, seconds, () -> submit(http, complaints, token, receipts));
        intake.print("intake, " + clients + " clients       ");
        System.out.printf("RESULT intake_rps=%.1f%n", intake.perSecond());

        Stats open = openLoop(rate, seconds, () -> submit(http, complaints, token, receipts));
        open.print("intake at " + rate + "/s (open)   ");
        System.out.printf("RESULT intake_open_p99_ms=%.1f%n", open.pct(99));

        List<Receipt> known = new ArrayList<>(receipts);
        System.out.printf("status look-ups over    %d complaints created above%n", known.size());
        closedLoop(clients, Math.min(warmup, 10), () -> lookup(http, complaints, known));
        Stats lookups = closedLoop(clients, seconds, () -> lookup(http, complaints, known));
        lookups.print("status, " + clients + " clients       ");
        System.out.printf("RESULT status_rps=%.1f%n", lookups.perSecond());
        System.exit(0);
    }

    /** One request; answers its latency in microseconds, or -1 when it failed. */
    interface Call {
        long run() throws Exception;
    }

    static long submit(HttpClient http, String complaints, String token, List<Receipt> receipts) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(submission(complaints, token), HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - t0) / 1000;
        if (response.statusCode() != 201) {
            return -1;
        }
        Matcher t = TRACKING.matcher(response.body());
        Matcher q = QUERY_CODE.matcher(response.body());
        if (t.find() && q.find()) {
            receipts.add(new Receipt(t.group(1), q.group(1)));
        }
        return micros;
    }

    static long lookup(HttpClient http, String complaints, List<Receipt> known) throws Exception {
        Receipt receipt = known.get(ThreadLocalRandom.current().nextInt(known.size()));
        String body = "{\"trackingNumber\":\"" + receipt.trackingNumber() + "\",\"queryCode\":\"" + receipt.queryCode()
                + "\"}";
        long t0 = System.nanoTime();
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create(complaints + "/api/v1/status-lookups"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        long micros = (System.nanoTime() - t0) / 1000;
        return response.statusCode() == 200 ? micros : -1;
    }

    static Stats closedLoop(int clients, int seconds, Call call) throws Exception {
        Stats stats = new Stats();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    stats.record(call);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        stats.elapsedNanos = System.nanoTime() - start;
        return stats;
    }

    static Stats openLoop(int rate, int seconds, Call call) throws Exception {
        Stats stats = new Stats();
        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        int total = rate * seconds;
        AtomicInteger started = new AtomicInteger();
        long start = System.nanoTime();
        arrivals.scheduleAtFixedRate(
                () -> {
                    if (started.getAndIncrement() < total) {
                        workers.execute(() -> stats.record(call));
                    }
                },
                0,
                1_000_000_000L / rate,
                TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1000L);
        arrivals.shutdown();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        stats.elapsedNanos = System.nanoTime() - start;
        return stats;
    }

    static final class Stats {
        final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong failures = new AtomicLong();
        long elapsedNanos;

        void record(Call call) {
            try {
                long m = call.run();
                if (m < 0) {
                    failures.incrementAndGet();
                } else {
                    micros.add(m);
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        }

        double perSecond() {
            return micros.size() / (elapsedNanos / 1e9);
        }

        double pct(int p) {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1000.0;
        }

        void print(String label) {
            System.out.printf(
                    "%s %7.1f/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (ok %d, failed %d, %.1f s)%n",
                    label,
                    perSecond(),
                    pct(50),
                    pct(95),
                    pct(99),
                    micros.size(),
                    failures.get(),
                    elapsedNanos / 1e9);
        }
    }

    /** A hotline complaint from a distinct caller about a distinct shop, so no two are duplicates. */
    static HttpRequest submission(String complaints, String token) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String mobile = "139" + String.format("%08d", random.nextInt(100_000_000));
        String shop = "南昌市东湖区基准测试商行" + random.nextInt(1_000_000);
        String body = ("""
                {"kind":"COMPLAINT","channel":"HOTLINE_12315","category":"PRODUCT.HOUSEHOLD_APPLIANCE",
                 "subject":{"name":"%s","address":"南昌市东湖区八一大道318号","regionCode":"360102"},
                 "occurredOn":"2026-11-18","productOrService":"电热水器","amountFen":259900,
                 "description":"基准测试：购买的电热水器安装三天后漏电，商家拒绝退货，要求退货并赔偿安装费用。",
                 "remedy":"RETURN","consents":{"publish":false,"entrustedMediation":true},
                 "person":{"name":"基准","mobile":"%s"},"anonymous":false,"rewardRequested":false}""")
                .formatted(shop, mobile);
        return HttpRequest.newBuilder(URI.create(complaints + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
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

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
