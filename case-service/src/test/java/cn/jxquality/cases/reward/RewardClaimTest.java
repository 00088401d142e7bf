package cn.jxquality.cases.reward;

import static cn.jxquality.cases.reward.RewardFlow.as;
import static cn.jxquality.cases.reward.RewardFlow.claim;
import static cn.jxquality.cases.reward.RewardFlow.version;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.ComplaintEvents;
import cn.jxquality.cases.KeycloakTokens;
import cn.jxquality.cases.reward.claim.ClaimCipher;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public claim: tracking number + query code checked by complaint-service (WireMock), a real-name reporter's
 * identity too, the account holder must be the claimant, wrong codes are throttled, and the claim window closes
 * (the expiry scheduler, and a claim after it: 409). A refused claim changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RewardThirdParties.class)
class RewardClaimTest {

    @Inject
    Pool pool;

    @Inject
    ClaimCipher cipher;

    @Inject
    RewardExpiry expiry;

    private final RewardFlow flow = new RewardFlow();

    @AfterEach
    void close() {
        flow.close();
    }

    /** Ten different clients failing on one number (guessing spread out) shut it, even to the right code. */
    @Test
    void aWrongCodeIsNotFoundAndTheTenthFailureThrottlesEvenTheRightCode() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.notified(report);
        RewardFlow.credentials(report, true);
        int before = version(id);
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", RewardFlow.client())
                    .contentType(ContentType.JSON)
                    .body(RewardFlow.claimBody(report.trackingNumber(), "wrong-" + i, "张三", "张三"))
                    .post("/api/v1/reward-claims")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        String retryAfter = claim(report, "张三", "张三", RewardFlow.client())
                .statusCode(429)
                .extract()
                .header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) > 0 && Long.parseLong(retryAfter) <= 900, retryAfter);
        assertEquals(before, version(id));
        as("auditor1").get("/api/v1/rewards/" + id).then().body("state", equalTo("NOTIFIED"));
    }

    /**
     * A stranger failing on purpose with a reporter's tracking number shuts only their own address: the number counts
     * each client once (issue 17 item 4), so the reporter's claim from their own phone goes through.
     */
    @Test
    void aStrangerFailingOnPurposeCannotLockTheReporterOut() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        flow.notified(report);
        RewardFlow.credentials(report, true);
        String stranger = RewardFlow.client();
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", stranger)
                    .contentType(ContentType.JSON)
                    .body(RewardFlow.claimBody(report.trackingNumber(), "wrong-" + i, "张三", "张三"))
                    .post("/api/v1/reward-claims")
                    .then()
                    .statusCode(404);
        }
        claim(report, "张三", "张三", stranger).statusCode(429);
        claim(report, "张三", "张三", RewardFlow.client()).statusCode(200);
    }

    @Test
    void tenFailuresFromOneClientThrottleItForEveryTrackingNumber() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        flow.notified(report);
        RewardFlow.credentials(report, true);
        String client = RewardFlow.client();
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", client)
                    .contentType(ContentType.JSON)
                    .body(RewardFlow.claimBody(ComplaintEvents.trackingNumber(), "00000000", "张三", "张三"))
                    .post("/api/v1/reward-claims")
                    .then()
                    .statusCode(404);
        }
        claim(report, "张三", "张三", client).statusCode(429);
        claim(report, "张三", "张三", RewardFlow.client()).statusCode(200);
    }

    /**
     * complaint-service's claim page relays citizens' claims: with its token (role citizen-relay) the citizen's address
     * it names last in X-Forwarded-For is the one counted; without that role the header does not choose the address.
     */
    @Test
    void aRelayedClaimCountsAgainstTheCitizensAddressAndNobodyElseChoosesTheirs() {
        String citizen = RewardFlow.client();
        String relayedNumber = ComplaintEvents.trackingNumber();
        given().auth()
                .oauth2(KeycloakTokens.ofService("complaint-service"))
                .header("X-Forwarded-For", "203.0.113.9, " + citizen)
                .contentType(ContentType.JSON)
                .body(RewardFlow.claimBody(relayedNumber, "00000000", "张三", "张三"))
                .post("/api/v1/reward-claims")
                .then()
                .statusCode(404);
        assertEquals(1, hitsOf("number:" + relayedNumber));
        assertEquals(1, hitsOf("client:" + citizen), "the relayed citizen's address is counted");

        String spoofedNumber = ComplaintEvents.trackingNumber();
        given().auth()
                .oauth2(KeycloakTokens.of("operator1"))
                .header("X-Forwarded-For", "203.0.113.9, " + citizen)
                .contentType(ContentType.JSON)
                .body(RewardFlow.claimBody(spoofedNumber, "00000000", "张三", "张三"))
                .post("/api/v1/reward-claims")
                .then()
                .statusCode(404);
        assertEquals(1, hitsOf("number:" + spoofedNumber));
        assertEquals(1, hitsOf("client:" + citizen), "another caller's header does not choose the address counted");

        given().auth()
                .oauth2(KeycloakTokens.ofService("notify-service"))
                .header("X-Forwarded-For", "203.0.113.9, " + citizen)
                .contentType(ContentType.JSON)
                .body(RewardFlow.claimBody(ComplaintEvents.trackingNumber(), "00000000", "张三", "张三"))
                .post("/api/v1/reward-claims")
                .then()
                .statusCode(401); // notify-service's token is not meant for case-service at all (no audience)
    }

    /** The throttle's hits of one key; the table holds only keyed hashes, never a number or an address. */
    private long hitsOf(String key) {
        return pool.preparedQuery("select count(*) as n from throttle_hit where throttle_key = $1")
                .execute(Tuple.of(Buffer.buffer(cipher.keyedHash("reward-claim:" + key))))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("n");
    }

    @Test
    void complaintServicesOwnThrottleIsPassedOn() {
        String trackingNumber = ComplaintEvents.trackingNumber();
        RewardThirdParties.wireMock()
                .stubFor(post(urlEqualTo("/internal/v1/credential-checks"))
                        .withRequestBody(matchingJsonPath("$.trackingNumber", WireMock.equalTo(trackingNumber)))
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "321")));
        given().header("X-Forwarded-For", RewardFlow.client())
                .contentType(ContentType.JSON)
                .body(RewardFlow.claimBody(trackingNumber, "12345678", "张三", "张三"))
                .post("/api/v1/reward-claims")
                .then()
                .statusCode(429)
                .header("Retry-After", "321");
    }

    @Test
    void theAccountHolderMustBeTheClaimant() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.notified(report);
        RewardFlow.credentials(report, true);
        claim(report, "张三", "李四", RewardFlow.client())
                .statusCode(400)
                .body("violations[0].field", equalTo("bankAccountHolder"));
        as("auditor1").get("/api/v1/rewards/" + id).then().body("state", equalTo("NOTIFIED"));
    }

    @Test
    void aRealNameReportersClaimantMustBeTheReporter() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.notified(report);
        RewardFlow.credentials(report, false);
        RewardFlow.identityMatches(report, "王五", "360102199001011234");
        claim(report, "赵六", "赵六", RewardFlow.client())
                .statusCode(403)
                .body("type", equalTo("https://jxquality.cn/problems/identity-mismatch"));
        as("auditor1").get("/api/v1/rewards/" + id).then().body("state", equalTo("NOTIFIED"));
        claim(report, "王五", "王五", RewardFlow.client()).statusCode(200).body("state", equalTo("CLAIMED"));
        claim(report, "王五", "王五", RewardFlow.client()).statusCode(409);
    }

    @Test
    void aClaimBeforeApprovalIsRefused() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        flow.proposed(report);
        RewardFlow.credentials(report, true);
        claim(report, "张三", "张三", RewardFlow.client()).statusCode(409);
    }

    @Test
    void aReportWithoutARewardHasNothingToClaim() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        RewardFlow.credentials(report, true);
        claim(report, "张三", "张三", RewardFlow.client()).statusCode(404);
    }

    @Test
    void badClaimsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", RewardFlow.client())
                .body(RewardFlow.claimBody("JX123", "12345678", "张三", "张三"))
                .post("/api/v1/reward-claims")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("trackingNumber"));
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", RewardFlow.client())
                .body(RewardFlow.claimBody(ComplaintEvents.trackingNumber(), "12345678", "张三", "张三")
                        .replace("6222021502001234567", "62220-abc"))
                .post("/api/v1/reward-claims")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("bankAccountNumber"));
        given().contentType(ContentType.JSON)
                .body("{\"trackingNumber\":")
                .post("/api/v1/reward-claims")
                .then()
                .statusCode(400);
    }

    @Test
    void theSchedulerExpiresALateRewardAndAClaimAfterwardsIsRefused() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.notified(report);
        RewardFlow.credentials(report, true);
        // the claim window ended yesterday (Beijing), as 30 working days later it would
        pool.preparedQuery("UPDATE reward SET claim_deadline = current_date - 2,"
                        + " claim_by = now() - interval '1 day' WHERE id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely();
        claim(report, "张三", "张三", RewardFlow.client())
                .statusCode(409)
                .body("detail", startsWith("The claim window closed on"));

        int expired = expiry.expireDue(Instant.now()).await().indefinitely();
        assertTrue(expired >= 1);
        as("auditor1")
                .get("/api/v1/rewards/" + id)
                .then()
                .body("state", equalTo("EXPIRED"))
                .body("expiredAt", org.hamcrest.Matchers.notNullValue());
        var data = flow.awaitRewardEvent(report.complaintId(), "reward.expired.v1");
        assertEquals("EXPIRED", data.get("state").asText());
        claim(report, "张三", "张三", RewardFlow.client())
                .statusCode(409)
                .body("detail", startsWith("The reward expired unclaimed"));
        assertEquals(0, expiry.expireDue(Instant.now()).await().indefinitely(), "an expired reward expires once");
    }
}
