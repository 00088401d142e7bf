package cn.jxquality.system;

import java.io.IOException;
import java.io.PrintWriter;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load of the fault scenarios (bench/faults.sh runs this file as a program; FaultsIT uses it): hotline operators registering complaints at a fixed RATE for
 * DURATION_SECONDS, an open loop (a complaint is due at its time whether or not the last ones were answered), each
 * with its own {@code Idempotency-Key}. A complaint that gets no answer, or a 5xx, 409 or 429, is sent again with the
 * same key and the same body, as a careful client would (after Retry-After when given, else backing off up to 5 s),
 * for up to RETRY_SECONDS after it was due; then it is given up. Every 2xx goes to ACCEPTED_FILE at once, as
 * "<epoch ms> <tracking number> <sequence> <ms from due to answer>", for the script to follow downstream while the load runs.
 *
 * <p>Latency is the client's: from when the complaint was due to its 2xx, retries included (HdrHistogram, so a stall
 * is not hidden by coordinated omission).
 *
 * <p>COMPLAINT_URL may name several instances of complaint-service, separated by commas: the sends go to each in turn,
 * so a complaint whose instance died is retried on another (bench/faults.sh scale-out).
 *
 * <p>{@code java FaultLoad.java sms-journal <file>}: instead, reads the SMS sandbox's journal and writes the
 * reference of every message the gateway accepted (2xx), one per line, to the file.
 */
public class FaultLoad {

    /** What to load and for how long; from the environment when run as a program. */
    public record Settings(
            String complaints,
            String keycloak,
            String run,
            int rate,
            int durationSeconds,
            int retrySeconds,
            Path acceptedFile) {

        static Settings fromEnvironment() {
            return new Settings(
                    env("COMPLAINT_URL", "http://127.0.0.1:8081"),
                    env("KEYCLOAK_URL", "http://127.0.0.1:8180"),
                    env("RUN", Long.toString(System.currentTimeMillis() / 1000)),
                    Integer.parseInt(env("RATE", "50")),
                    Integer.parseInt(env("DURATION_SECONDS", "180")),
                    Integer.parseInt(env("RETRY_SECONDS", "120")),
                    Path.of(env("ACCEPTED_FILE", "target/fault-load-accepted.txt")));
        }
    }

    /** A complaint answered 2xx: when (epoch ms), its tracking number and its sequence in the run. */
    public record Accepted(long atMillis, String trackingNumber, int sequence) {}

    static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"(JX\\d{14,15})\"");

    final Settings settings;
    /** complaint-service's instances: each send goes to the next, so a retry reaches another one. */
    final List<String> complaints;

    final AtomicInteger sends = new AtomicInteger();
    final String run;
    final int rate;
    final long retryNanos;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    final AtomicReference<String> token = new AtomicReference<>();
    final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger givenUp = new AtomicInteger();
    final AtomicInteger outstanding = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final Map<String, AtomicInteger> refusals = new ConcurrentSkipListMap<>();
    final Map<String, String> refusalSamples = new ConcurrentHashMap<>();
    final AtomicLong lastAcceptedAt = new AtomicLong();
    final AtomicLong longestGapMillis = new AtomicLong();
    final List<Accepted> acceptedList = Collections.synchronizedList(new ArrayList<>());
    PrintWriter acceptedOut;

    public FaultLoad(Settings settings) {
        this.settings = settings;
        this.complaints = List.of(settings.complaints().split(","));
        this.run = settings.run();
        this.rate = settings.rate();
        this.retryNanos = TimeUnit.SECONDS.toNanos(settings.retrySeconds());
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("sms-journal")) {
            smsJournal(Path.of(args[1]));
            return;
        }
        FaultLoad load = new FaultLoad(Settings.fromEnvironment());
        System.exit(load.load().isEmpty() ? 1 : 0);
    }

    /** Runs the load to its end (every complaint answered or given up) and gives what was accepted, in order. */
    public List<Accepted> load() throws Exception {
        Path acceptedFile = settings.acceptedFile();
        Files.createDirectories(acceptedFile.toAbsolutePath().getParent());
        acceptedOut = new PrintWriter(Files.newBufferedWriter(acceptedFile));
        token.set(token());
        timer.scheduleAtFixedRate(this::refreshToken, 60, 60, TimeUnit.SECONDS);

        int total = rate * settings.durationSeconds();
        long start = System.nanoTime();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        System.out.printf(
                "load: %d complaints at %d/s over %d s (run %s), each retried for up to %d s%n",
                total, rate, settings.durationSeconds(), run, TimeUnit.NANOSECONDS.toSeconds(retryNanos));
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            outstanding.incrementAndGet();
            Complaint complaint = new Complaint(i, due, key(run, i), body(run, i));
            send(complaint);
            if (i > 0 && i % (rate * 10) == 0) {
                progress((System.nanoTime() - start) / 1_000_000_000);
            }
        }
        long drainDeadline = System.nanoTime() + retryNanos + TimeUnit.SECONDS.toNanos(20);
        while (outstanding.get() > 0 && System.nanoTime() < drainDeadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        timer.shutdownNow();
        synchronized (this) {
            acceptedOut.close();
        }
        report(total);
        return acceptedSoFar();
    }

    /** The complaints answered 2xx until now, in the order of their answers. */
    public List<Accepted> acceptedSoFar() {
        synchronized (acceptedList) {
            return List.copyOf(acceptedList);
        }
    }

    record Complaint(int sequence, long dueNanos, String key, String body) {}

    void send(Complaint complaint) {
        String instance = complaints.get(Math.floorMod(sends.getAndIncrement(), complaints.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token.get())
                .header("Idempotency-Key", complaint.key())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(complaint.body()))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause =
                        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                retryOrGiveUp(complaint, cause.getClass().getSimpleName(), cause.toString(), 0);
                return;
            }
            int status = response.statusCode();
            Matcher tracking = TRACKING.matcher(response.body());
            if (status / 100 == 2 && tracking.find()) {
                accept(complaint, tracking.group(1));
            } else if (status >= 500 || status == 409 || status == 429 || status == 401) {
                long after = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(0L);
                retryOrGiveUp(complaint, Integer.toString(status), status + " " + response.body(), after);
            } else {
                refused(Integer.toString(status), status + " " + response.body());
                giveUp(complaint);
            }
        });
    }

    void accept(Complaint complaint, String trackingNumber) {
        long now = System.currentTimeMillis();
        long micros = Math.max(1, (System.nanoTime() - complaint.dueNanos()) / 1000);
        latency.recordValue(micros);
        synchronized (this) {
            acceptedOut.printf("%d %s %d %d%n", now, trackingNumber, complaint.sequence(), micros / 1000);
            acceptedList.add(new Accepted(now, trackingNumber, complaint.sequence()));
            acceptedOut.flush();
            long last = lastAcceptedAt.getAndSet(now);
            if (last > 0) {
                longestGapMillis.accumulateAndGet(now - last, Math::max);
            }
        }
        accepted.incrementAndGet();
        outstanding.decrementAndGet();
    }

    void retryOrGiveUp(Complaint complaint, String kind, String detail, long retryAfterSeconds) {
        refused(kind, detail);
        long age = System.nanoTime() - complaint.dueNanos();
        if (age > retryNanos) {
            giveUp(complaint);
            return;
        }
        retries.incrementAndGet();
        long backoffMillis = retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : Math.min(5000, 500 + age / 2_000_000);
        timer.schedule(() -> send(complaint), backoffMillis, TimeUnit.MILLISECONDS);
    }

    void giveUp(Complaint complaint) {
        givenUp.incrementAndGet();
        outstanding.decrementAndGet();
    }

    void refused(String kind, String detail) {
        refusals.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        refusalSamples.putIfAbsent(kind, detail.length() > 240 ? detail.substring(0, 240) : detail);
    }

    void progress(long second) {
        System.out.printf(
                "load: %3d s  accepted %d, waiting for an answer %d, given up %d, refusals %s%n",
                second, accepted.get(), outstanding.get(), givenUp.get(), refusals);
    }

    void report(int total) {
        System.out.printf("offered                 %d complaints at %d/s%n", total, rate);
        System.out.printf("accepted (2xx)          %d%n", accepted.get());
        System.out.printf(
                "given up by the client  %d (no 2xx within %d s)%n",
                givenUp.get(), TimeUnit.NANOSECONDS.toSeconds(retryNanos));
        System.out.printf("answers not 2xx         %s, %d retries%n", refusals, retries.get());
        new TreeMap<>(refusalSamples).forEach((kind, sample) -> System.out.printf("  first %s: %s%n", kind, sample));
        System.out.printf("longest gap between 2xx %.1f s%n", longestGapMillis.get() / 1000.0);
        System.out.printf(
                "latency, due to 2xx     p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms (n=%d)%n",
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getValueAtPercentile(99.9) / 1000.0,
                latency.getMaxValue() / 1000.0,
                latency.getTotalCount());
    }

    /** The run's n-th key: a client keeps the key of a complaint across its retries. */
    static String key(String run, int sequence) {
        return "fault-" + run + "-" + sequence;
    }

    /**
     * A hotline complaint about a shop named after the run and the sequence, so the script can count them, from a
     * caller of the run's own (runs against one suite do not share callers).
     */
    static String body(String run, int sequence) {
        return """
                {"kind":"COMPLAINT","channel":"HOTLINE_12315","category":"PRODUCT.FOOD",
                 "subject":{"name":"故障演练 %s #%d","regionCode":"360100"},
                 "description":"故障演练投诉：购买的食品已过保质期。","remedy":"REFUND",
                 "person":{"name":"测试","mobile":"139%08d"},"anonymous":false,"rewardRequested":false}""".formatted(run, sequence, Math.floorMod((long) run.hashCode() * 100_000 + sequence, 100_000_000L));
    }

    void refreshToken() {
        try {
            token.set(token());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the load is over
        } catch (Exception e) {
            System.out.println("load: could not refresh the token (keeping the old one): " + e);
        }
    }

    String token() throws IOException, InterruptedException {
        String keycloak = settings.keycloak();
        String form = "grant_type=password&client_id=suite-cli&username="
                + URLEncoder.encode("operator1", StandardCharsets.UTF_8) + "&password=password";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/jiangxi-quality/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + response.body());
        }
        return m.group(1);
    }

    /** The references of the SMS the sandbox gateway accepted (2xx), one line each, repeats included. */
    static void smsJournal(Path out) throws Exception {
        String sms = env("SMS_URL", "http://127.0.0.1:8090");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(sms + "/__admin/requests"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // each journal entry: the request (url, absoluteUrl, …, body as an escaped JSON string), then the response it
        // got. Its stub mapping names the url too, followed by the method: anchored at absoluteUrl, a match cannot
        // start there and run on into the next entry (a status look-up answers with a reference in its body)
        Matcher entry = Pattern.compile(
                        "\"url\"\\s*:\\s*\"/sms/send\",\\s*\"absoluteUrl\".*?\\\\\"reference\\\\\"\\s*:\\s*\\\\\"([0-9a-f-]{36})\\\\\".*?\"status\"\\s*:\\s*(\\d{3})",
                        Pattern.DOTALL)
                .matcher(response.body());
        StringBuilder lines = new StringBuilder();
        int all = 0;
        int ok = 0;
        Set<String> distinct = new java.util.HashSet<>();
        while (entry.find()) {
            all++;
            if (entry.group(2).startsWith("2")) {
                ok++;
                distinct.add(entry.group(1));
                lines.append(entry.group(1)).append('\n');
            }
        }
        Files.writeString(out, lines);
        System.out.printf(
                "SMS gateway journal     %d requests, %d accepted (2xx) for %d distinct notifications%n",
                all, ok, distinct.size());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
