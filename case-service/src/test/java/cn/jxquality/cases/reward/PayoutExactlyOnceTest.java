package cn.jxquality.cases.reward;

import static cn.jxquality.cases.reward.RewardFlow.as;
import static cn.jxquality.cases.reward.RewardFlow.claim;
import static cn.jxquality.cases.reward.RewardFlow.step;
import static cn.jxquality.cases.reward.RewardFlow.version;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reward is paid exactly once: two payouts racing, a gateway that takes the payment but whose answer is lost
 * (asked again under the same idempotency key), and a database that refuses a second PAID line or any change
 * to the ledger.
 */
@QuarkusTest
@QuarkusTestResource(RewardThirdParties.class)
class PayoutExactlyOnceTest {

    static final String PAYMENTS = "/gateway/payments";

    @Inject
    Pool pool;

    @Inject
    cn.jxquality.cases.reward.payout.PayoutReconciler reconciler;

    private final RewardFlow flow = new RewardFlow();

    @AfterEach
    void close() {
        flow.close();
    }

    @Test
    void twoPayoutsOfOneRewardRacingPayItOnce() throws Exception {
        UUID id = claimed();
        RewardFlow.gatewayPays();
        String ifMatch = "\"" + version(id) + "\"";
        String token = RewardFlow.token("finance1");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> payouts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            payouts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .header("If-Match", ifMatch)
                        .post("/api/v1/rewards/" + id + "/payout")
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> payout : payouts) {
            statuses.add(payout.get());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 412), statuses.toString());
        assertEquals(1, ordersFor(id).size(), "the gateway was asked once");
        assertEquals(1, paidLines(id));
        as("auditor1").get("/api/v1/rewards/" + id).then().body("state", equalTo("PAID"));
        step("finance1", id, "payout").statusCode(409);
        assertEquals(1, ordersFor(id).size());
    }

    @Test
    void aLostAnswerIsAskedForUnderTheSameKeyAndThePaymentIsRecordedOnce() {
        UUID id = claimed();
        StubMapping slow = gatewayTakesThePaymentButAnswersLate(id);
        StubMapping status = RewardThirdParties.wireMock()
                .stubFor(get(urlPathMatching(PAYMENTS + "/[0-9a-f-]+"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"paymentReference\":\"PAY-{{request.pathSegments.[2]}}\",\"status\":\"PAID\"}")
                                .withTransformers("response-template")));
        try {
            step("finance1", id, "payout").statusCode(200).body("state", equalTo("PAID"));
            String key = ordersFor(id).get(0).getHeader("Idempotency-Key");
            as("auditor1").get("/api/v1/rewards/" + id).then().body("paymentReference", equalTo("PAY-" + key));
            assertEquals(1, ordersFor(id).size(), "not sent twice");
            assertEquals(1, paidLines(id));
        } finally {
            RewardThirdParties.wireMock().removeStub(slow);
            RewardThirdParties.wireMock().removeStub(status);
        }
    }

    @Test
    void anUnconfirmedPaymentIsRetriedWithTheSameKeyAndPaidOnce() {
        UUID id = claimed();
        StubMapping slow = gatewayTakesThePaymentButAnswersLate(id);
        StubMapping again = RewardThirdParties.wireMock()
                .stubFor(post(urlEqualTo(PAYMENTS))
                        .atPriority(1)
                        .inScenario("gateway-" + id)
                        .whenScenarioStateIs("taken")
                        .withRequestBody(matchingJsonPath("$.orderId", WireMock.equalTo(id.toString())))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"paymentReference\":\"PAY-{{request.headers.[Idempotency-Key]}}\","
                                        + "\"status\":\"PAID\"}")
                                .withTransformers("response-template")));
        StubMapping unknown = RewardThirdParties.wireMock()
                .stubFor(get(urlPathMatching(PAYMENTS + "/[0-9a-f-]+"))
                        .willReturn(aResponse().withStatus(404)));
        try {
            step("finance1", id, "payout")
                    .statusCode(503)
                    .header("Retry-After", "30")
                    .body("type", equalTo("https://jxquality.cn/problems/payment-unconfirmed"));
            as("auditor1").get("/api/v1/rewards/" + id).then().body("state", equalTo("CLAIMED"));
            assertEquals(List.of("REQUESTED", "UNCONFIRMED"), ledger(id));

            step("finance1", id, "payout").statusCode(200).body("state", equalTo("PAID"));
            List<LoggedRequest> orders = ordersFor(id);
            assertEquals(2, orders.size());
            assertEquals(
                    orders.get(0).getHeader("Idempotency-Key"), orders.get(1).getHeader("Idempotency-Key"));
            assertEquals(1, paidLines(id));
            flow.awaitRewardEvent(claimedReport.complaintId(), "reward.paid.v1");
        } finally {
            RewardThirdParties.wireMock().removeStub(slow);
            RewardThirdParties.wireMock().removeStub(again);
            RewardThirdParties.wireMock().removeStub(unknown);
        }
    }

    @Test
    void theReconcilerRecordsAPaymentTheGatewayConfirmsLaterWithoutPayingAgain() throws Throwable {
        UUID id = claimed();
        StubMapping slow = gatewayTakesThePaymentButAnswersLate(id);
        StubMapping unknown = RewardThirdParties.wireMock()
                .stubFor(get(urlPathMatching(PAYMENTS + "/[0-9a-f-]+"))
                        .willReturn(aResponse().withStatus(404)));
        try {
            step("finance1", id, "payout").statusCode(503);
            RewardThirdParties.wireMock().removeStub(unknown);
            unknown = RewardThirdParties.wireMock()
                    .stubFor(get(urlPathMatching(PAYMENTS + "/[0-9a-f-]+"))
                            .willReturn(aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"paymentReference\":\"PAY-{{request.pathSegments.[2]}}\","
                                            + "\"status\":\"PAID\"}")
                                    .withTransformers("response-template")));
            assertTrue(VertxContextSupport.subscribeAndAwait(reconciler::reconcile) >= 1);
            as("auditor1").get("/api/v1/rewards/" + id).then().body("state", equalTo("PAID"));
            assertEquals(List.of("REQUESTED", "UNCONFIRMED", "PAID"), ledger(id));
            assertEquals(1, ordersFor(id).size(), "the reconciler only asks, it never pays");
            flow.awaitRewardEvent(claimedReport.complaintId(), "reward.paid.v1");
            VertxContextSupport.subscribeAndAwait(reconciler::reconcile);
            assertEquals(1, paidLines(id));
        } finally {
            RewardThirdParties.wireMock().removeStub(slow);
            RewardThirdParties.wireMock().removeStub(unknown);
        }
    }

    @Test
    void theDatabaseRefusesASecondPaymentAndAnyChangeToTheLedger() {
        UUID id = claimed();
        RewardFlow.gatewayPays();
        step("finance1", id, "payout").statusCode(200);
        PgException second = assertThrows(
                PgException.class,
                () -> pool.preparedQuery("INSERT INTO payout_ledger (id, reward_id, entry, idempotency_key, amount_fen,"
                                + " actor, at) VALUES ($1, $2, 'PAID', $3, 1, 'intruder', now())")
                        .execute(Tuple.of(UUID.randomUUID(), id, UUID.randomUUID()))
                        .await()
                        .indefinitely());
        assertEquals("23505", second.getSqlState(), "a unique violation"); // not any failure: the index refuses it
        assertEquals("payout_ledger_paid_once", second.getConstraint());
        PgException change = assertThrows(
                PgException.class,
                () -> pool.preparedQuery("UPDATE payout_ledger SET amount_fen = 0 WHERE reward_id = $1")
                        .execute(Tuple.of(id))
                        .await()
                        .indefinitely());
        assertEquals("P0001", change.getSqlState(), "the append-only trigger's raise");
        assertEquals("table payout_ledger is append-only", change.getErrorMessage());
        PgException removal = assertThrows(
                PgException.class,
                () -> pool.preparedQuery("DELETE FROM reward_event WHERE reward_id = $1")
                        .execute(Tuple.of(id))
                        .await()
                        .indefinitely());
        assertEquals("table reward_event is append-only", removal.getErrorMessage());
        assertEquals(1, paidLines(id), "the one payment stands");
    }

    @Test
    void onlyAClaimedRewardIsPaidAndOnlyWithItsVersion() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.notified(report);
        step("finance1", id, "payout").statusCode(409);
        as("finance1").post("/api/v1/rewards/" + id + "/payout").then().statusCode(428);
        as("finance1")
                .header("If-Match", "\"99\"")
                .post("/api/v1/rewards/" + id + "/payout")
                .then()
                .statusCode(412);
        assertEquals(List.of(), ledger(id));
    }

    private RewardFlow.Report claimedReport;

    private UUID claimed() {
        claimedReport = flow.substantiated(20_000_000, 0);
        UUID id = flow.notified(claimedReport);
        RewardFlow.credentials(claimedReport, true);
        claim(claimedReport, "张三", "张三", RewardFlow.client()).statusCode(200);
        return id;
    }

    /** The gateway pays the first order of the reward but answers after this service stopped waiting. */
    private static StubMapping gatewayTakesThePaymentButAnswersLate(UUID id) {
        return RewardThirdParties.wireMock()
                .stubFor(post(urlEqualTo(PAYMENTS))
                        .atPriority(1)
                        .inScenario("gateway-" + id)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .withRequestBody(matchingJsonPath("$.orderId", WireMock.equalTo(id.toString())))
                        .willSetStateTo("taken")
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withFixedDelay(3_000)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"paymentReference\":\"PAY-late\",\"status\":\"PAID\"}")));
    }

    private static List<LoggedRequest> ordersFor(UUID id) {
        return RewardThirdParties.wireMock()
                .findAll(postRequestedFor(urlEqualTo(PAYMENTS))
                        .withRequestBody(matchingJsonPath("$.orderId", WireMock.equalTo(id.toString()))));
    }

    private long paidLines(UUID id) {
        return ledger(id).stream().filter("PAID"::equals).count();
    }

    private List<String> ledger(UUID id) {
        return StreamSupport.stream(
                        pool.preparedQuery("SELECT entry FROM payout_ledger WHERE reward_id = $1 ORDER BY at")
                                .execute(Tuple.of(id))
                                .await()
                                .indefinitely()
                                .spliterator(),
                        false)
                .map(r -> r.getString("entry"))
                .toList();
    }
}
