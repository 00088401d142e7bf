import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Benchmark of complaint-service's front door (issue 3), one phase per run (PHASE) against a running suite:
 *
 * <ul>
 *   <li>{@code intake}: CLIENTS closed-loop clients post hotline complaints (operator token) for DURATION seconds
 *       after a WARMUP of the same load; prints requests/s and appends each receipt to RECEIPTS;
 *   <li>{@code open}: intake as an open loop at RATE requests/s for DURATION seconds; prints p50/p95/p99;
 *   <li>{@code status}: CLIENTS closed-loop clients look up the complaints in RECEIPTS with their tracking number and
 *       query code for DURATION seconds after a WARMUP; prints requests/s.
 * </ul>
 *
 * bench/intake-and-status-vs-pgbench.sh runs them in rounds, each next to a pgbench run of the same length, and
 * reads the lines starting with {@code RESULT}.
 *
 * <p>The load itself goes through {@link Connection}: a kept-alive HTTP/1.1 socket per client thread that writes
 * the request's bytes and reads the answer, about as little work per request as pgbench's C client does per
 * transaction. The load generator shares the two cores with the service and the database, and the JDK's
 * {@code HttpClient} (selector thread, executor hand-offs, header maps) cost more CPU per request than the service
 * itself; only the token is fetched with it.
 */
public class IntakeAndStatus {

    static final Pattern TRACKING = Pattern.compile("\"trackingNumber\":\"([A-Z0-9]+)\"");
    static final Pattern QUERY_CODE = Pattern.compile("\"queryCode\":\"([A-Z0-9]+)\"");

    record Receipt(String trackingNumber, String queryCode) {}

    public static void main(String[] args) throws Exception {
        String phase = env("PHASE", "intake");
        URI base = URI.create(env("COMPLAINT_URL", "http://127.0.0.1:8081"));
        int clients = Integer.parseInt(env("CLIENTS", "16"));
        int seconds = Integer.parseInt(env("DURATION", "30"));
        int warmup = Integer.parseInt(env("WARMUP", "20"));
        Path receiptsFile = Path.of(env("RECEIPTS", "/tmp/intake-receipts.txt"));
        List<Receipt> receipts = Collections.synchronizedList(new ArrayList<>());

        switch (phase) {
            case "intake" -> {
                String token = operatorToken();
                System.out.printf("intake warm-up          %d clients for %d s%n", clients, warmup);
                closedLoop(base, clients, warmup, c -> submit(c, token, receipts));
                Stats intake = closedLoop(base, clients, seconds, c -> submit(c, token, receipts));
                intake.print("intake, " + clients + " clients       ");
                System.out.printf("RESULT intake_rps=%.1f%n", intake.perSecond());
            }
            case "open" -> {
                int rate = Integer.parseInt(env("RATE", "100"));
                String token = operatorToken();
                Stats open = openLoop(base, rate, seconds, c -> submit(c, token, receipts));
                open.print("intake at " + rate + "/s (open)   ");
                System.out.printf("RESULT intake_open_p99_ms=%.1f%n", open.pct(99));
            }
            case "status" -> {
                List<Receipt> known = Files.readAllLines(receiptsFile).stream()
                        .map(line -> line.split(" "))
                        .map(fields -> new Receipt(fields[0], fields[1]))
                        .toList();
                System.out.printf("status look-ups over    %d complaints created by the intake phases%n", known.size());
                closedLoop(base, clients, warmup, c -> lookup(c, known));
                Stats lookups = closedLoop(base, clients, seconds, c -> lookup(c, known));
                lookups.print("status, " + clients + " clients       ");
                System.out.printf("RESULT status_rps=%.1f%n", lookups.perSecond());
            }
            default -> throw new IllegalArgumentException("PHASE must be intake, open or status, not " + phase);
        }
        if (!receipts.isEmpty()) {
            List<String> lines = new ArrayList<>();
            synchronized (receipts) {
                receipts.forEach(r -> lines.add(r.trackingNumber() + " " + r.queryCode()));
            }
            Files.write(receiptsFile, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(0);
    }

    static String operatorToken() throws Exception {
        // only the token comes through the JDK client; the load goes through Connection
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return token(http, env("KEYCLOAK_URL", "http://127.0.0.1:8180"), "operator1");
    }

    /** One request on the caller's connection; answers its latency in microseconds, or -1 when it failed. */
    interface Call {
        long run(Connection connection) throws Exception;
    }

    static long submit(Connection connection, String token, List<Receipt> receipts) throws Exception {
        byte[] request = connection.post("/api/v1/complaints", token, submission());
        long t0 = System.nanoTime();
        Connection.Answer answer = connection.exchange(request);
        long micros = (System.nanoTime() - t0) / 1000;
        if (answer.status() != 201) {
            return -1;
        }
        Matcher t = TRACKING.matcher(answer.body());
        Matcher q = QUERY_CODE.matcher(answer.body());
        if (t.find() && q.find()) {
            receipts.add(new Receipt(t.group(1), q.group(1)));
        }
        return micros;
    }

    static long lookup(Connection connection, List<Receipt> known) throws Exception {
        Receipt receipt = known.get(ThreadLocalRandom.current().nextInt(known.size()));
        String body = "{\"trackingNumber\":\"" + receipt.trackingNumber() + "\",\"queryCode\":\"" + receipt.queryCode()
                + "\"}";
        byte[] request = connection.post("/api/v1/status-lookups", null, body);
        long t0 = System.nanoTime();
        Connection.Answer answer = connection.exchange(request);
        long micros = (System.nanoTime() - t0) / 1000;
        return answer.status() == 200 ? micros : -1;
    }

    static Stats closedLoop(URI base, int clients, int seconds, Call call) throws Exception {
        Stats stats = new Stats();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                Connection connection = new Connection(base);
                while (System.nanoTime() < end) {
                    stats.record(call, connection);
                }
                connection.close();
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        stats.elapsedNanos = System.nanoTime() - start;
        return stats;
    }

    static Stats openLoop(URI base, int rate, int seconds, Call call) throws Exception {
        Stats stats = new Stats();
        List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            Connection connection = new Connection(base);
            opened.add(connection);
            return connection;
        });
        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        int total = rate * seconds;
        AtomicInteger started = new AtomicInteger();
        long start = System.nanoTime();
        arrivals.scheduleAtFixedRate(
                () -> {
                    if (started.getAndIncrement() < total) {
                        workers.execute(() -> stats.record(call, connections.get()));
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
        opened.forEach(Connection::close);
        return stats;
    }

    static final class Stats {
        final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong failures = new AtomicLong();
        long elapsedNanos;

        void record(Call call, Connection connection) {
            try {
                long m = call.run(connection);
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
    static String submission() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String mobile = "139" + String.format("%08d", random.nextInt(100_000_000));
        String shop = "南昌市东湖区基准测试商行" + random.nextInt(1_000_000);
        return ("""
                {"kind":"COMPLAINT","channel":"HOTLINE_12315","category":"PRODUCT.HOUSEHOLD_APPLIANCE",
                 "subject":{"name":"%s","address":"南昌市东湖区八一大道318号","regionCode":"360102"},
                 "occurredOn":"2026-11-18","productOrService":"电热水器","amountFen":259900,
                 "description":"基准测试：购买的电热水器安装三天后漏电，商家拒绝退货，要求退货并赔偿安装费用。",
                 "remedy":"RETURN","consents":{"publish":false,"entrustedMediation":true},
                 "person":{"name":"基准","mobile":"%s"},"anonymous":false,"rewardRequested":false}""")
                .formatted(shop, mobile);
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

    /**
     * One kept-alive HTTP/1.1 connection, used by one thread at a time: writes a request's bytes, reads the status
     * line, the headers it needs and the body (by {@code Content-Length} or chunked). Reconnects after a failure
     * or a {@code Connection: close}.
     */
    static final class Connection {
        record Answer(int status, String body) {}

        private final URI base;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI base) {
            this.base = base;
        }

        byte[] post(String path, String token, String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            return request;
        }

        Answer exchange(byte[] request) throws IOException {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                    socket.setSoTimeout(60_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16384);
                    out = socket.getOutputStream();
                }
                out.write(request);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Answer read() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(length, 256));
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            if (close) {
                close();
            }
            return new Answer(status, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            } finally {
                socket = null;
            }
        }
    }
}
