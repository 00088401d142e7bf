package cn.jxquality.cases.reward;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.jxquality.cases.ComplaintEvents;
import cn.jxquality.cases.EventSchemas;
import cn.jxquality.cases.KeycloakTokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Drives rewards as the people involved do, with real Keycloak tokens: a report arrives on complaint-events, the
 * supervisor resolves its case, the reviewer proposes, the approvers approve, the reporter claims (complaint-service
 * stood in by WireMock), finance pays; reads what case-service publishes on reward-events.
 */
public final class RewardFlow implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private final KafkaCompanion kafka;
    private final String prefix;
    private final ConsumerTask<String, String> caseEvents;
    private final ConsumerTask<String, String> rewardEvents;

    /** A report's case, opened for a test. */
    public record Report(UUID caseId, UUID complaintId, String trackingNumber, String queryCode) {}

    private record Token(String value, Instant fetched) {}

    public RewardFlow() {
        Config config = ConfigProvider.getConfig();
        kafka = new KafkaCompanion(config.getValue("kafka.bootstrap.servers", String.class));
        prefix = config.getValue("suite.topic-prefix", String.class);
        caseEvents = kafka.consumeStrings().fromTopics(prefix + "case-events");
        rewardEvents = kafka.consumeStrings().fromTopics(prefix + "reward-events");
    }

    /** A request under the user's real token (null: anonymous). */
    public static RequestSpecification as(String user) {
        RequestSpecification request = given();
        return user == null ? request : request.auth().oauth2(token(user));
    }

    static String token(String user) {
        Token token = TOKENS.get(user);
        if (token == null || token.fetched().isBefore(Instant.now().minusSeconds(90))) {
            token = new Token(KeycloakTokens.of(user), Instant.now());
            TOKENS.put(user, token);
        }
        return token.value();
    }

    /** A substantiated report with a reward requested, received now, about its own new violation. */
    public Report substantiated(long finesFen, long confiscationsFen) {
        return report(decisionNumber(), true, Instant.now(), "SUBSTANTIATED", finesFen, confiscationsFen);
    }

    /** A report received at {@code receivedAt}, resolved with {@code outcome} (SUBSTANTIATED with the decision). */
    public Report report(
            String decisionNumber,
            boolean rewardRequested,
            Instant receivedAt,
            String outcome,
            long finesFen,
            long confiscationsFen) {
        Report report = open("REPORT", rewardRequested, receivedAt, creditCode(decisionNumber));
        return resolve(report, decisionNumber, outcome, finesFen, confiscationsFen);
    }

    /** Accepts, investigates and resolves an open report with {@code outcome}. */
    public static Report resolve(
            Report report, String decisionNumber, String outcome, long finesFen, long confiscationsFen) {
        act(report, "accept", null);
        act(report, "start", null);
        String resolution = "SUBSTANTIATED".equals(outcome)
                ? """
                {"outcome":"SUBSTANTIATED","note":"查实","decisionNumber":"%s","finesFen":%d,"confiscationsFen":%d}""".formatted(decisionNumber, finesFen, confiscationsFen)
                : "{\"outcome\":\"" + outcome + "\",\"note\":\"done\"}";
        act(report, "resolve", resolution);
        return report;
    }

    /** Publishes complaint.received.v1 about an enterprise no other report names and waits until it is assigned. */
    public Report open(String kind, boolean rewardRequested, Instant receivedAt) {
        return open(kind, rewardRequested, receivedAt, creditCode(null));
    }

    /** Publishes complaint.received.v1 for a Nanchang food report and waits until its case is assigned. */
    public Report open(String kind, boolean rewardRequested, Instant receivedAt, String creditCode) {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = ComplaintEvents.trackingNumber();
        String data = """
                {"complaintId":"%s","trackingNumber":"%s","kind":"%s","channel":"WEB","category":"PRODUCT.FOOD",
                 "subject":{"name":"南昌某某食品有限公司","creditCode":"%s","regionCode":"360100",
                 "onlinePlatform":null},"occurredOn":"2026-11-01","amountFen":null,"anonymous":true,
                 "rewardRequested":%s,"linkedComplaintId":null,"receivedAt":"%s"}""".formatted(complaintId, trackingNumber, kind, creditCode, rewardRequested, receivedAt);
        ProducerRecord<String, String> record = ComplaintEvents.cloudEvent(
                prefix + "complaint-events",
                UUID.randomUUID().toString(),
                "complaint.received.v1",
                complaintId.toString(),
                data);
        kafka.produceStrings().fromRecords(record).awaitCompletion();
        JsonNode assigned = awaitEvent(caseEvents, complaintId, "case.assigned.v1");
        return new Report(UUID.fromString(assigned.get("caseId").asText()), complaintId, trackingNumber, queryCode());
    }

    private static void act(Report report, String action, String body) {
        int version = as("supervisor1")
                .get("/api/v1/cases/" + report.caseId())
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        var request = as("supervisor1").header("If-Match", "\"" + version + "\"");
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.post("/api/v1/cases/" + report.caseId() + "/" + action).then().statusCode(200);
    }

    public static ValidatableResponse propose(String reviewer, Report report, int level) {
        return propose(reviewer, report.caseId(), level, false, "[]", "sound evidence");
    }

    public static ValidatableResponse propose(
            String reviewer, UUID caseId, int level, boolean insider, String exclusions, String note) {
        return as(reviewer)
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId":"%s","level":%d,"naturalPerson":true,"insider":%s,"exclusions":%s,"note":%s}""".formatted(caseId, level, insider, exclusions, note == null ? "null" : "\"" + note + "\""))
                .post("/api/v1/rewards")
                .then();
    }

    /** A proposed reward's id, proposed by reviewer1 at level 1. */
    public UUID proposed(Report report) {
        return UUID.fromString(
                propose("reviewer1", report, 1).statusCode(201).extract().path("id"));
    }

    public static int version(UUID rewardId) {
        return as("auditor1")
                .get("/api/v1/rewards/" + rewardId)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }

    public static ValidatableResponse step(String user, UUID rewardId, String action) {
        return as(user).header("If-Match", "\"" + version(rewardId) + "\"")
                .post("/api/v1/rewards/" + rewardId + "/" + action)
                .then();
    }

    /** A reward approved by approver1 and so notified (small enough to need no finance approval). */
    public UUID notified(Report report) {
        UUID id = proposed(report);
        step("approver1", id, "approve").statusCode(200);
        return id;
    }

    /** complaint-service's answers for the report's credentials (anonymous or real-name). */
    public static void credentials(Report report, boolean anonymous) {
        RewardThirdParties.wireMock()
                .stubFor(post(urlEqualTo("/internal/v1/credential-checks"))
                        .withHeader("Authorization", matching("Bearer .+"))
                        .withRequestBody(equalToJson("""
                                {"trackingNumber":"%s","queryCode":"%s"}""".formatted(report.trackingNumber(), report.queryCode())))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("""
                                        {"complaintId":"%s","trackingNumber":"%s","kind":"REPORT","anonymous":%s}""".formatted(report.complaintId(), report.trackingNumber(), anonymous))));
    }

    /** complaint-service's identity check of a real-name reporter: only this name and ID number match. */
    public static void identityMatches(Report report, String name, String idNumber) {
        var wireMock = RewardThirdParties.wireMock();
        String path = "/internal/v1/identity-checks";
        wireMock.stubFor(post(urlEqualTo(path))
                .withRequestBody(matchingJsonPath(
                        "$.complaintId", equalTo(report.complaintId().toString())))
                .willReturn(json("{\"match\":false}")));
        wireMock.stubFor(post(urlEqualTo(path))
                .atPriority(1)
                .withRequestBody(matchingJsonPath(
                        "$.complaintId", equalTo(report.complaintId().toString())))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .withRequestBody(matchingJsonPath("$.idNumber", equalTo(idNumber)))
                .willReturn(json("{\"match\":true}")));
    }

    public static void identity(Report report) {
        RewardThirdParties.wireMock()
                .stubFor(get(urlPathEqualTo("/internal/v1/complaints/" + report.complaintId() + "/identity"))
                        .withHeader("Authorization", matching("Bearer .+"))
                        .willReturn(json("""
                                {"anonymous":false,"name":"李四","mobile":"13912345678","idType":"RESIDENT_ID",
                                 "idNumber":"360102199001011234","email":null,"address":null}""")));
    }

    /** The gateway pays every order at once, answering with a reference derived from the idempotency key. */
    public static void gatewayPays() {
        RewardThirdParties.wireMock()
                .stubFor(post(urlEqualTo("/gateway/payments"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"paymentReference\":\"PAY-{{request.headers.[Idempotency-Key]}}\","
                                        + "\"status\":\"PAID\"}")
                                .withTransformers("response-template")));
    }

    public static ValidatableResponse claim(Report report, String name, String holder, String client) {
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(claimBody(report.trackingNumber(), report.queryCode(), name, holder))
                .post("/api/v1/reward-claims")
                .then();
    }

    public static String claimBody(String trackingNumber, String queryCode, String name, String holder) {
        return """
                {"trackingNumber":"%s","queryCode":"%s","claimantName":"%s","idType":"RESIDENT_ID",
                 "idNumber":"360102199001011234","bankName":"中国工商银行南昌分行",
                 "bankAccountNumber":"6222021502001234567","bankAccountHolder":"%s"}""".formatted(trackingNumber, queryCode, name, holder);
    }

    /** A client address no other test uses. */
    public static String client() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** The data of the reward event of {@code type} about the complaint, once published; checked against its schema. */
    public JsonNode awaitRewardEvent(UUID complaintId, String type) {
        return awaitEvent(rewardEvents, complaintId, type);
    }

    /** The reward event types published about the complaint so far, in order, each checked against its schema. */
    public List<String> rewardEventTypes(UUID complaintId) {
        return records(rewardEvents, complaintId).stream()
                .peek(r -> EventSchemas.assertValid(header(r, "ce_type"), parse(r.value())))
                .map(r -> header(r, "ce_type"))
                .toList();
    }

    /** The CloudEvents headers of the first reward event of the type about the complaint. */
    public ConsumerRecord<String, String> rewardRecord(UUID complaintId, String type) {
        awaitRewardEvent(complaintId, type);
        return records(rewardEvents, complaintId).stream()
                .filter(r -> type.equals(header(r, "ce_type")))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode awaitEvent(ConsumerTask<String, String> task, UUID complaintId, String type) {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> records(task, complaintId).stream()
                                .filter(r -> type.equals(header(r, "ce_type")))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        JsonNode data = parse(record.value());
        EventSchemas.assertValid(type, data);
        return data;
    }

    private static List<ConsumerRecord<String, String>> records(ConsumerTask<String, String> task, UUID complaintId) {
        return task.getRecords().stream()
                .filter(r -> complaintId.toString().equals(r.key()))
                .toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /**
     * A valid unified social credit code (GB 32100-2015) of the enterprise a penalty decision names, the same for
     * the same decision, so that only a test's own reports are about the same enterprise; a fresh one for null.
     */
    static String creditCode(String decisionNumber) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        long seed = decisionNumber == null ? ThreadLocalRandom.current().nextLong() : decisionNumber.hashCode();
        java.util.Random random = new java.util.Random(seed);
        // "MA" as in the codes Nanchang issues today; StatsTest's older-style code sorts before these in ties
        StringBuilder code = new StringBuilder("91360100MA");
        while (code.length() < 17) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return code.append(alphabet.charAt(check == 31 ? 0 : check)).toString();
    }

    static String decisionNumber() {
        return "赣市监罚〔2026〕" + ThreadLocalRandom.current().nextLong(1_000_000_000L) + "号";
    }

    private static String queryCode() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Override
    public void close() {
        caseEvents.stop();
        rewardEvents.stop();
        kafka.close();
    }
}
