package cn.jxquality.system;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the three packaged services once for all system tests, against the PostgreSQL, Kafka and Keycloak
 * of `./suite test` (their own databases, {@code *_sys}), and stops them when the test run ends.
 */
public class RunningSuite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** The test infrastructure's ports, defined once in platform's {@code microprofile-config.properties}. */
    private static final java.util.Properties PORTS = testPorts();

    static final String KAFKA = "127.0.0.1:" + PORTS.getProperty("suite.test.kafka-port");
    static final String KEYCLOAK = "http://127.0.0.1:" + PORTS.getProperty("suite.test.keycloak-port");
    static final String REALM = KEYCLOAK + "/realms/jiangxi-quality";

    public static final String COMPLAINTS = "http://127.0.0.1:18081";
    public static final String CASES = "http://127.0.0.1:18082";
    public static final String NOTIFICATIONS = "http://127.0.0.1:18083";
    /** The payment gateway stand-in (WireMock with the sandbox's mappings from infra/payment-gateway). */
    public static final int PAYMENT_GATEWAY_PORT = 18091;
    /** The SMS gateway stand-in (WireMock with infra/sms-gateway's mappings): what was texted to whom. */
    public static final int SMS_GATEWAY_PORT = 18090;

    private static final Object LOCK = new Object();
    private static boolean started;
    private static RunningSuite instance;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Process> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Launch> launches = new java.util.concurrent.ConcurrentHashMap<>();
    private WireMockServer paymentGateway;
    private WireMockServer smsGateway;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            started = true;
            instance = this;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningSuite.class, this);
            requireFree(18081, "complaint-service");
            requireFree(18082, "case-service");
            requireFree(18083, "notify-service");
            requireFree(PAYMENT_GATEWAY_PORT, "the payment gateway stand-in");
            requireFree(SMS_GATEWAY_PORT, "the SMS gateway stand-in");
            start("complaint-service", 18081, "complaint_test", "complaints_sys", complaintServiceEnvironment());
            paymentGateway = new WireMockServer(WireMockConfiguration.options()
                    .bindAddress("127.0.0.1")
                    .port(PAYMENT_GATEWAY_PORT)
                    .usingFilesUnderDirectory(
                            root().resolve("infra/payment-gateway").toString()));
            paymentGateway.start();
            start(
                    "case-service",
                    18082,
                    "case_test",
                    "cases_sys",
                    Map.of(
                            "PAYMENT_GATEWAY_URL", "http://127.0.0.1:" + PAYMENT_GATEWAY_PORT,
                            "PAYMENT_GATEWAY_USER", "case-service",
                            "PAYMENT_GATEWAY_PASSWORD", "system-test",
                            "CLAIM_DATA_KEY_ID", "sys-1",
                            "CLAIM_DATA_KEY", "c3lzdGVtLXRlc3QtY2xhaW0tZGF0YS1rZXktMzJieSE="));
            smsGateway = new WireMockServer(WireMockConfiguration.options()
                    .bindAddress("127.0.0.1")
                    .port(SMS_GATEWAY_PORT)
                    .usingFilesUnderDirectory(
                            root().resolve("infra/sms-gateway").toString()));
            smsGateway.start();
            start(
                    "notify-service",
                    18083,
                    "notify_test",
                    "notifications_sys",
                    Map.of(
                            "SMS_GATEWAY_URL",
                            "http://127.0.0.1:" + SMS_GATEWAY_PORT + "/sms/send",
                            "PUBLIC_BASE_URL",
                            COMPLAINTS,
                            "OPT_OUT_KEY",
                            "system-test-only-opt-out-key-32-bytes",
                            // no quiet hours: a test's SMS must not wait for 08:00 Beijing time when CI runs late
                            "NOTIFY_SMS_QUIET_FROM",
                            "00:00",
                            "NOTIFY_SMS_QUIET_UNTIL",
                            "00:00"));
            for (String base : List.of(COMPLAINTS, CASES, NOTIFICATIONS)) {
                awaitReady(base);
            }
        }
    }

    private static java.util.Properties testPorts() {
        java.util.Properties ports = new java.util.Properties();
        Path file = root().resolve("platform/src/main/resources/META-INF/microprofile-config.properties");
        try (var in = Files.newInputStream(file)) {
            ports.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the test ports are defined in " + file, e);
        }
        return ports;
    }

    /**
     * The ports are fixed (Keycloak's realm names the console's redirect address), so one that is taken fails the run
     * at once, naming it, instead of a service that dies at start or, worse, tests that talk to something else.
     */
    static void requireFree(int port, String what) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException taken) {
            throw new IllegalStateException(
                    "port " + port + " (" + what + " under the system tests) is taken by"
                            + " another process; stop it (a left-over run: ./suite down) and run again",
                    taken);
        }
    }

    private static Map<String, String> complaintServiceEnvironment() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PII_KEY_V1", "c3lzdGVtLXRlc3QtYWVzLWtleS0zMi1ieXRlcy1vayE=");
        env.put("BLIND_INDEX_KEY", "c3lzdGVtLXRlc3QtYmxpbmQtaW5kZXgta2V5LTMyYiE=");
        env.put("QUERY_CODE_KEY", "c3lzdGVtLXRlc3QtcXVlcnktY29kZS1rZXktMzJieSE=");
        env.put("WEB_CONSOLE_SECRET", "web-console-dev-secret");
        env.put("CONSOLE_STATE_SECRET", "system-test-console-state-secret-0123456789");
        env.put("CONSOLE_SESSION_SECRET", "system-test-console-session-secret-0123456789");
        env.put("CASE_SERVICE_URL", CASES);
        env.put("NOTIFY_SERVICE_URL", NOTIFICATIONS);
        env.put("PUBLIC_BASE_URL", COMPLAINTS);
        // plain HTTP on loopback, as under ./suite up
        env.put("SITE_SECURE_COOKIES", "false");
        // OdrIT ends an enterprise's time by moving its due date: the scan notices within a second
        env.put("ODR_SCAN_EVERY", "1s");
        // the warm-up before ready runs as in production, shorter: FaultsIT restarts services and waits for them
        env.put("WARM_UP_BUDGET", "PT5S");
        return env;
    }

    /** The SMS gateway (WireMock), for a test that makes it refuse a number. */
    public static WireMockServer smsGateway() {
        return instance.smsGateway;
    }

    /** The SMS the gateway was asked to send to {@code mobile}, oldest first. */
    public static List<String> textsTo(String mobile) {
        List<String> texts = new ArrayList<>(instance.smsGateway.getAllServeEvents().stream()
                .map(event -> event.getRequest().getBodyAsString())
                .filter(body -> body.contains(mobile))
                .toList());
        java.util.Collections.reverse(texts);
        return texts;
    }

    /** How a service was started, to start it again after a test crashed it. */
    private record Launch(String service, int port, String dbUser, String dbName, Map<String, String> extraEnv) {}

    /** Kills {@code service} with SIGKILL, as a crash would (FaultsIT). */
    static void crash(String service) throws InterruptedException {
        Process process = instance.running.get(service);
        process.destroyForcibly();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(service + " did not die within 20 s of SIGKILL");
        }
    }

    /** Starts {@code service} again as it was started, and waits until it is ready. */
    static void restart(String service) throws IOException {
        Launch launch = instance.launches.get(service);
        instance.start(launch.service(), launch.port(), launch.dbUser(), launch.dbName(), launch.extraEnv());
        awaitReady("http://127.0.0.1:" + launch.port());
    }

    private void start(String service, int port, String dbUser, String dbName, Map<String, String> extraEnv)
            throws IOException {
        boolean again = launches.put(service, new Launch(service, port, dbUser, dbName, extraEnv)) != null;
        Path root = root();
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./suite test does)");
        }
        Path logs = root.resolve("system-tests/target/service-logs");
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(
                        javaBinary(), "-Xmx256m", "-Dseeds.dir=" + root.resolve("seeds"), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(
                        again // after a crash (FaultsIT): the log goes on
                                ? ProcessBuilder.Redirect.appendTo(
                                        logs.resolve(service + ".log").toFile())
                                : ProcessBuilder.Redirect.to(
                                        logs.resolve(service + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("DB_URL_HOST", "127.0.0.1");
        env.put("DB_PORT", "5432");
        env.put("DB_NAME", dbName);
        env.put("DB_USER", dbUser);
        env.put("DB_PASSWORD", "test");
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        env.put("OIDC_AUTH_SERVER_URL", REALM);
        env.put("OIDC_CLIENT_SECRET", service + "-dev-secret");
        env.put("COMPLAINT_SERVICE_URL", COMPLAINTS);
        env.putAll(extraEnv);
        Process process = builder.start();
        processes.add(process);
        running.put(service, process);
    }

    static Path root() {
        return Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    }

    private static void awaitReady(String base) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try {
                        HttpResponse<Void> response = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        return response.statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (paymentGateway != null) {
            paymentGateway.stop();
        }
        if (smsGateway != null) {
            smsGateway.stop();
        }
    }
}
