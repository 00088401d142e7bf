import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark: complaint accepted (201 from complaint-service) → case ASSIGNED visible in case-service's
 * department API, at a fixed arrival rate (open loop). Complaints are registered by
 * an operator on the hotline channel. Every POLL_MS a poller reads, as a supervisor, the ASSIGNED cases received
 * since the oldest complaint it has not seen yet (all pages of them) and records when each tracking number first
 * appears, so a figure includes up to POLL_MS of polling delay and the poll's cost follows the backlog. Run through bench/intake-to-assigned.sh with the suite up.
 */
public class IntakeToAssigned {

    static final Pattern TRACKING = Pattern.compile("\"trackingNumber\":\"(JX\\d{14,15})\"");
    static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String complaints = env("COMPLAINT_URL", "http://127.0.0.1:8081");
        String cases = env("CASE_URL", "http://127.0.0.1:8082");
        String keycloak = env("KEYCLOAK_URL", "http://127.0.0.1:8180");
        int rate = Integer.parseInt(env("RATE", "50"));
        int seconds = Integer.parseInt(env("SECONDS", "120"));
        int pollMs = Integer.parseInt(env("POLL_MS", "50"));

        // HTTP/1.1 as browsers and consoles speak it in clear: cleartext HTTP/2 would multiplex every request over one
        // connection, which the server handles on one event-loop thread
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String token = token(http, keycloak, "supervisor1");
        String operator = token(http, keycloak, "operator1");
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        List<Long> intakeMicros = Collections.synchronizedList(new ArrayList<>());
        // each measured request's latency by when it was sent (seconds into the measured phase), for the windows
        Map<Long, Long> intakeMicrosBySequence = new ConcurrentHashMap<>();
        Map<String, Long> sentAs = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();

        int warmup = Integer.parseInt(env("WARMUP", "300"));
        if (warmup > 0) {
            // the same load, polled the same way, unmeasured: the figures below are the JVMs' steady state, not their
            // JIT compiling (the department API's worklist included: cold, its first polls held up case-service's
            // event loop while the measured phase began)
            System.out.printf("warm-up                 %d complaints/s for %d s, not measured%n", rate, warmup);
            ScheduledExecutorService warming = Executors.newScheduledThreadPool(2);
            AtomicInteger warmed = new AtomicInteger();
            List<String> warmedNumbers = Collections.synchronizedList(new ArrayList<>());
            Map<Long, Instant> warmOutstanding = new ConcurrentHashMap<>();
            Map<String, Long> warmSequenceOf = new ConcurrentHashMap<>();
            warming.scheduleAtFixedRate(
                    () -> {
                        long sequence = warmed.getAndIncrement();
                        if (sequence < (long) rate * warmup) {
                            warmOutstanding.put(sequence, Instant.now());
                            http.sendAsync(submission(complaints, operator), HttpResponse.BodyHandlers.ofString())
                                    .whenComplete((response, error) -> {
                                        Matcher m = error == null ? TRACKING.matcher(response.body()) : null;
                                        if (m != null && m.find()) {
                                            warmedNumbers.add(m.group(1));
                                            warmSequenceOf.put(m.group(1), sequence);
                                        } else {
                                            warmOutstanding.remove(sequence);
                                        }
                                    });
                        }
                    },
                    0,
                    1_000_000_000L / rate,
                    TimeUnit.NANOSECONDS);
            ScheduledExecutorService warmPoller = Executors.newSingleThreadScheduledExecutor();
            Map<String, Long> warmVisibleAt = new ConcurrentHashMap<>();
            warmPoller.scheduleWithFixedDelay(
                    () -> pollOutstanding(http, cases, token, warmVisibleAt, warmOutstanding, warmSequenceOf),
                    0,
                    pollMs,
                    TimeUnit.MILLISECONDS);
            Thread.sleep(warmup * 1000L);
            warming.shutdown();
            warmPoller.shutdownNow();
            // the measured phase starts from an empty queue: wait until the warm-up's last complaints are assigned
            Thread.sleep(2_000);
            List<String> last;
            synchronized (warmedNumbers) {
                last = new ArrayList<>(warmedNumbers.subList(Math.max(0, warmedNumbers.size() - 20), warmedNumbers.size()));
            }
            Map<String, Long> seen = new ConcurrentHashMap<>();
            long drainStart = System.nanoTime();
            long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(Integer.parseInt(env("DRAIN", "300")));
            while (!seen.keySet().containsAll(last) && System.nanoTime() < drainDeadline) {
                for (String number : last) {
                    if (!seen.containsKey(number)) {
                        fetch(http, cases + "/api/v1/cases?state=ASSIGNED&trackingNumber=" + number, token, seen);
                    }
                }
                Thread.sleep(500);
            }
            System.out.printf(
                    "warm-up backlog drained  %s after %.1f s%n",
                    seen.keySet().containsAll(last) ? "yes" : "NO",
                    (System.nanoTime() - drainStart) / 1e9);
            Thread.sleep(5_000);
        }

        // what has been sent and not yet seen ASSIGNED, by send order: the poll reads only cases received since the
        // oldest of them, so its cost follows the backlog rather than the history, and a late case is never missed
        Map<Long, Instant> outstanding = new ConcurrentHashMap<>();
        Map<String, Long> sequenceOf = new ConcurrentHashMap<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(
                () -> pollOutstanding(http, cases, token, visibleAt, outstanding, sequenceOf),
                0,
                pollMs,
                TimeUnit.MILLISECONDS);

        ScheduledExecutorService arrivals = Executors.newScheduledThreadPool(2);
        long periodNanos = 1_000_000_000L / rate;
        int total = rate * seconds;
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        arrivals.scheduleAtFixedRate(
                () -> {
                    long sequence = sent.getAndIncrement();
                    if (sequence >= total) {
                        return;
                    }
                    outstanding.put(sequence, Instant.now());
                    long t0 = System.nanoTime();
                    http.sendAsync(submission(complaints, operator), HttpResponse.BodyHandlers.ofString())
                            .whenComplete((response, error) -> {
                                long t1 = System.nanoTime();
                                if (error != null || response.statusCode() != 201) {
                                    failures.incrementAndGet();
                                    outstanding.remove(sequence);
                                    return;
                                }
                                intakeMicros.add((t1 - t0) / 1000);
                                intakeMicrosBySequence.put(sequence, (t1 - t0) / 1000);
                                Matcher m = TRACKING.matcher(response.body());
                                if (m.find()) {
                                    sequenceOf.put(m.group(1), sequence);
                                    sentAs.put(m.group(1), sequence);
                                    acceptedAt.put(m.group(1), t1);
                                }
                            });
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1000L);
        arrivals.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !visibleAt.keySet().containsAll(acceptedAt.keySet())) {
            Thread.sleep(100);
        }
        poller.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;

        List<Long> endToEnd = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Long> e : acceptedAt.entrySet()) {
            Long seen = visibleAt.get(e.getKey());
            if (seen == null) {
                missing++;
            } else {
                endToEnd.add(Math.max(0, (seen - e.getValue()) / 1000));
            }
        }
        System.out.printf("target rate             %d complaints/s for %d s (poll every %d ms)%n", rate, seconds, pollMs);
        System.out.printf("accepted (201)          %d of %d, failures %d%n", acceptedAt.size(), total, failures.get());
        System.out.printf("achieved intake rate    %.1f/s%n", acceptedAt.size() / (double) seconds);
        report("intake POST latency    ", intakeMicros);
        report("accepted -> ASSIGNED   ", endToEnd);
        System.out.printf("never seen ASSIGNED     %d%n", missing);
        // a cold start shows in the first windows: the same figures for each WINDOW seconds of sending
        int window = Integer.parseInt(env("WINDOW", "20"));
        for (int from = 0; from < seconds; from += window) {
            long first = (long) from * rate;
            long last = (long) Math.min(seconds, from + window) * rate;
            List<Long> intake = new ArrayList<>();
            List<Long> through = new ArrayList<>();
            for (Map.Entry<String, Long> e : sentAs.entrySet()) {
                long sequence = e.getValue();
                Long seen = visibleAt.get(e.getKey());
                if (sequence >= first && sequence < last && seen != null) {
                    through.add(Math.max(0, (seen - acceptedAt.get(e.getKey())) / 1000));
                }
            }
            for (Map.Entry<Long, Long> e : intakeMicrosBySequence.entrySet()) {
                if (e.getKey() >= first && e.getKey() < last) {
                    intake.add(e.getValue());
                }
            }
            report(String.format("  %3d-%3d s  intake     ", from, Math.min(seconds, from + window)), intake);
            report(String.format("  %3d-%3d s  ->ASSIGNED ", from, Math.min(seconds, from + window)), through);
        }
        System.out.printf("wall time               %.1f s%n", elapsed);
        System.exit(0);
    }

    /**
     * Reads the ASSIGNED cases received since the oldest complaint sent and not yet seen (less a margin), page by
     * page, and records when each tracking number first appears.
     */
    static void pollOutstanding(
            HttpClient http,
            String cases,
            String token,
            Map<String, Long> visibleAt,
            Map<Long, Instant> outstanding,
            Map<String, Long> sequenceOf) {
        Instant oldest = outstanding.values().stream().min(Instant::compareTo).orElse(null);
        if (oldest == null) {
            return;
        }
        String query = cases + "/api/v1/cases?state=ASSIGNED&limit=200&receivedFrom=" + oldest.minusMillis(500);
        String next = fetch(http, query, token, visibleAt);
        while (next != null) {
            next = fetch(http, query + "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8), token, visibleAt);
        }
        for (Map.Entry<String, Long> accepted : sequenceOf.entrySet()) {
            if (visibleAt.containsKey(accepted.getKey())) {
                outstanding.remove(accepted.getValue());
                sequenceOf.remove(accepted.getKey());
            }
        }
    }

    /** One page of cases: records each tracking number's first sighting; yields the next page's cursor. */
    static String fetch(HttpClient http, String url, String token, Map<String, Long> visibleAt) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            Matcher m = TRACKING.matcher(response.body());
            while (m.find()) {
                visibleAt.putIfAbsent(m.group(1), now);
            }
            Matcher next = NEXT.matcher(response.body());
            return next.find() ? next.group(1) : null;
        } catch (Exception e) {
            // a failed poll only delays what it would have seen
            return null;
        }
    }

    /**
     * A hotline complaint registered by an operator (anonymous WEB submissions are rate-limited per address),
     * from a distinct caller about a distinct shop, so none is linked as a duplicate.
     */
    static HttpRequest submission(String complaints, String operatorToken) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String body = ("""
                {"kind":"COMPLAINT","channel":"HOTLINE_12315","category":"PRODUCT.FOOD",
                 "subject":{"name":"南昌某某食品有限公司%d","regionCode":"360100"},
                 "description":"基准测试投诉：购买的食品已过保质期。","remedy":"REFUND",
                 "person":{"name":"测试","mobile":"139%08d"},"anonymous":false,"rewardRequested":false}""")
                .formatted(random.nextInt(1_000_000), random.nextInt(100_000_000));
        return HttpRequest.newBuilder(URI.create(complaints + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorToken)
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
        System.out.printf(
                "%s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (n=%d)%n",
                label,
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                sorted.get(sorted.size() - 1) / 1000.0,
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
