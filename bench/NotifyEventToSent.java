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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Driver of bench/notify-event-to-sent.sh (run it through that script; the classpath is Kafka's libs).
 *
 * <p>{@code prepare N}: registers N hotline complaints as operator1 through complaint-service, each with a distinct
 * mobile and e-mail address, so that notify-service's contact look-ups find real citizens; prints their tracking
 * numbers, one a line.
 *
 * <p>{@code publish <complaints.csv> <published.csv>}: publishes {@code case.accepted.v1} CloudEvents (binary mode,
 * key = complaint id, acks=all) for those complaints, round robin, at RATE events/s for DURATION seconds (open loop:
 * a slow broker does not slow the arrivals), and writes {@code event_id,published_at} for every acknowledged event;
 * published_at is taken just before the send, so a figure includes the producer's own latency.
 */
public class NotifyEventToSent {

    static final Pattern TRACKING = Pattern.compile("\"trackingNumber\":\"(JX\\d{14,15})\"");

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "prepare" -> prepare(Integer.parseInt(args[1]));
            case "publish" -> publish(Path.of(args[1]), Path.of(args[2]));
            default -> {
                System.err.println("usage: NotifyEventToSent prepare <count> | publish <complaints.csv> <published.csv>");
                System.exit(2);
            }
        }
    }

    // ---- prepare: complaints that exist, so every notice needs a real contact look-up

    static void prepare(int count) throws Exception {
        String complaints = env("COMPLAINT_URL", "http://127.0.0.1:8081");
        String keycloak = env("KEYCLOAK_URL", "http://127.0.0.1:8180");
        // HTTP/1.1 as browsers and consoles speak it in clear: cleartext HTTP/2 would multiplex every request over one
        // connection, which the server handles on one event-loop thread
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String operator = token(http, keycloak, "operator1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis() % 100_000);
        for (int i = 0; i < count; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    HttpResponse<String> response =
                            http.send(submission(complaints, operator, run, n), HttpResponse.BodyHandlers.ofString());
                    Matcher m = TRACKING.matcher(response.body());
                    if (response.statusCode() == 201 && m.find()) {
                        numbers.add(m.group(1));
                    } else {
                        failures.incrementAndGet();
                        System.err.println("complaint-service answered " + response.statusCode() + ": " + response.body());
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println("complaint-service: " + e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        numbers.forEach(System.out::println);
        System.err.printf("registered %d complaints, %d failed%n", numbers.size(), failures.get());
        System.exit(numbers.isEmpty() ? 1 : 0);
    }

    /** A distinct caller about a distinct shop (no duplicate links), with a mobile and an e-mail address. */
    static HttpRequest submission(String complaints, String operatorToken, String run, int n) {
        int mobile = ThreadLocalRandom.current().nextInt(100_000_000);
        String body = ("""
                {"kind":"COMPLAINT","channel":"HOTLINE_12315","category":"PRODUCT.FOOD",
                 "subject":{"name":"南昌某某食品有限公司通知基准%s-%d","regionCode":"360100"},
                 "description":"基准测试投诉（通知）：购买的食品已过保质期。","remedy":"REFUND",
                 "person":{"name":"测试","mobile":"139%08d","email":"bench-%s-%d@bench.example.cn"},
                 "anonymous":false,"rewardRequested":false}""")
                .formatted(run, n, mobile, run, n);
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
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + user + ": HTTP " + response.statusCode());
        }
        return m.group(1);
    }

    // ---- publish: case.accepted.v1 at a fixed rate

    record Complaint(String id, String trackingNumber, String caseId) {}

    static void publish(Path complaintsCsv, Path publishedCsv) throws Exception {
        List<Complaint> complaints = readComplaints(complaintsCsv);
        int rate = Integer.parseInt(env("RATE", "50"));
        int seconds = Integer.parseInt(env("DURATION", "120"));
        String topic = env("TOPIC_PREFIX", "") + "case-events";
        ConcurrentLinkedQueue<String> published = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        int total = rate * seconds;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            producer.partitionsFor(topic); // metadata before the clock starts
            ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
            long start = System.nanoTime();
            arrivals.scheduleAtFixedRate(
                    () -> {
                        int n = sent.getAndIncrement();
                        if (n >= total) {
                            return;
                        }
                        Complaint complaint = complaints.get(n % complaints.size());
                        String eventId = UUID.randomUUID().toString();
                        Instant at = Instant.now();
                        producer.send(accepted(topic, complaint, eventId, at), (metadata, error) -> {
                            if (error == null) {
                                published.add(eventId + "," + at.truncatedTo(ChronoUnit.MICROS));
                            } else {
                                failures.incrementAndGet();
                            }
                        });
                    },
                    0,
                    1_000_000_000L / rate,
                    TimeUnit.NANOSECONDS);
            while (sent.get() < total) {
                Thread.sleep(50);
            }
            arrivals.shutdown();
            producer.flush();
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("published               %d of %d case.accepted.v1 in %.1f s (%.1f/s), failed %d%n",
                    published.size(), total, elapsed, published.size() / elapsed, failures.get());
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(publishedCsv))) {
            published.forEach(out::println);
        }
    }

    static List<Complaint> readComplaints(Path csv) throws IOException {
        List<Complaint> complaints = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] cells = line.split(",");
            if (cells.length == 2) {
                complaints.add(new Complaint(cells[0].trim(), cells[1].trim(), UUID.randomUUID().toString()));
            }
        }
        if (complaints.isEmpty()) {
            throw new IllegalArgumentException(csv + " holds no complaint_id,tracking_number lines");
        }
        return complaints;
    }

    static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env("KAFKA", "127.0.0.1:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    /** case.accepted.v1 as case-service publishes it (schema case-service/src/main/resources/events). */
    static ProducerRecord<String, String> accepted(String topic, Complaint complaint, String eventId, Instant at) {
        String data = """
                {"caseId":"%s","complaintId":"%s","trackingNumber":"%s","kind":"COMPLAINT","departmentCode":"360100-AMR",\
                "previousDepartmentCode":null,"state":"ACCEPTED","outcome":null,"occurredAt":"%s","publicNote":null}"""
                .formatted(complaint.caseId(), complaint.id(), complaint.trackingNumber(), at);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, complaint.id(), data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", "case.accepted.v1");
        header(record, "ce_source", "urn:jxquality:bench");
        header(record, "ce_subject", complaint.trackingNumber());
        header(record, "ce_time", at.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
