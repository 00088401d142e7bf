package cn.jxquality.notify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.support.AdjustableClock;
import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMS to the citizen through the gateway: retries, permanent refusals, the DLQ and a supervisor's resend. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class SmsDeliveryTest {

    @Inject
    Pool pool;

    @Inject
    AdjustableClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aGatewayFailingTwiceThenAcceptingYieldsOneSentMessageAfterThreeTries() {
        Citizen citizen = Citizen.withMobile();
        Stubs.smsGateway(citizen.mobile, 503, 503, 200);

        citizen.files();

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(citizen.sms(pool).status()));
        assertEquals(3, citizen.sms(pool).attempts());
        ThirdParties.wireMock().verify(3, Stubs.smsTo(citizen.mobile));
        // a 503 says the gateway did not take the message: the next try sends without asking
        ThirdParties.wireMock().verify(0, Stubs.smsStatusOf(citizen.sms(pool).id()));
    }

    /**
     * The dispatcher died after the gateway took the SMS and before its sent mark (here: the row put back as it was
     * then, leased with the lease run out). The next dispatcher asks the gateway, which has it: marked sent, not sent
     * again.
     */
    @Test
    void anSmsTheGatewayTookBeforeItsSenderDiedIsMarkedSentNotSentAgain() {
        Citizen citizen = Citizen.withMobile();
        UUID id = sentOnce(citizen);
        Stubs.smsTaken(id);

        senderDiedMidSend(id);

        awaitSent(citizen);
        ThirdParties.wireMock().verify(1, Stubs.smsStatusOf(id));
        ThirdParties.wireMock().verify(1, Stubs.smsTo(citizen.mobile));
        assertEquals(1, citizen.sms(pool).attempts());
    }

    /** As above, but the sender died before the gateway took the SMS: the gateway does not know it, so it goes out. */
    @Test
    void anSmsTheGatewayNeverTookBeforeItsSenderDiedIsSent() {
        Citizen citizen = Citizen.withMobile();
        UUID id = sentOnce(citizen);

        senderDiedMidSend(id);

        awaitSent(citizen);
        ThirdParties.wireMock().verify(1, Stubs.smsStatusOf(id));
        ThirdParties.wireMock().verify(2, Stubs.smsTo(citizen.mobile));
    }

    /** The citizen files, the gateway takes the SMS at once; yields the SMS notice's id. */
    private UUID sentOnce(Citizen citizen) {
        Stubs.smsGateway(citizen.mobile, 200);
        citizen.files();
        awaitSent(citizen);
        return citizen.sms(pool).id();
    }

    private void awaitSent(Citizen citizen) {
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(citizen.sms(pool).status()));
    }

    /**
     * The gateway takes the SMS but answers after notify-service stopped waiting (a lost answer): the try counts as
     * failed, and the next one asks the gateway first instead of sending the SMS a second time.
     */
    @Test
    void anSmsWhoseAnswerTimedOutIsLookedUpBeforeItIsTriedAgain() {
        Citizen citizen = Citizen.withMobile();
        String scenario = "lost-answer-" + citizen.mobile;
        var slow = ThirdParties.wireMock()
                .stubFor(post(urlEqualTo(ThirdParties.SMS_PATH))
                        .inScenario(scenario)
                        .willSetStateTo("taken")
                        .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(citizen.mobile)))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withFixedDelay(3_000))); // notify-service waits 2 s in tests
        // once the gateway took it, its status look-up says so (the only message in doubt while this test runs)
        var status = ThirdParties.wireMock()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                        ThirdParties.SMS_STATUS_PATH))
                        .inScenario(scenario)
                        .whenScenarioStateIs("taken")
                        .willReturn(aResponse().withStatus(200)));
        try {
            citizen.files();
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> "SENT".equals(citizen.sms(pool).status()));
            UUID id = citizen.sms(pool).id();
            ThirdParties.wireMock().verify(1, Stubs.smsTo(citizen.mobile));
            ThirdParties.wireMock().verify(1, Stubs.smsStatusOf(id));
            assertEquals(2, citizen.sms(pool).attempts(), "the timed-out try and the look-up");
        } finally {
            ThirdParties.wireMock().removeStubMapping(slow);
            ThirdParties.wireMock().removeStubMapping(status);
        }
    }

    /** Puts a sent row back as it was while its sender had it at the gateway: leased, the lease run out, no mark. */
    private void senderDiedMidSend(UUID id) {
        var now = clock.instant().atOffset(ZoneOffset.UTC); // the service's clock, not the database's
        pool.preparedQuery("update notification set status = 'PENDING', attempts = 0, sent_at = null,"
                        + " next_attempt_at = $2, lease_until = $2 - interval '1 second' where id = $1")
                .executeAndAwait(Tuple.of(id, now));
    }

    /**
     * A notice that failed waits out its backoff, which grows to minutes; once the gateway takes a message again, the
     * notices waiting for it are due at once (here one whose next try was an hour away).
     */
    @Test
    void whenTheGatewayTakesMessagesAgainTheNoticesWaitingForItAreDueAtOnce() {
        Citizen waiting = Citizen.withMobile();
        Stubs.smsGateway(waiting.mobile, 503);
        waiting.files();
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> waiting.sms(pool).attempts() >= 1);
        pool.preparedQuery("update notification set next_attempt_at = now() + interval '1 hour' where id = $1")
                .executeAndAwait(
                        io.vertx.mutiny.sqlclient.Tuple.of(waiting.sms(pool).id()));
        Stubs.smsGateway(waiting.mobile, 200); // the gateway is back

        Citizen next = Citizen.withMobile();
        Stubs.smsGateway(next.mobile, 200);
        next.files();

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(waiting.sms(pool).status()));
        assertEquals("SENT", next.sms(pool).status());
    }

    /**
     * A gateway that flaps: it takes one message, so the notices waiting for it are made due at once, but it still
     * refuses theirs. The early try costs no try: a notice one try from being given up is still waiting after it.
     */
    @Test
    void anEarlyRetryWhenTheGatewaySeemsBackCostsNoTry() {
        Citizen waiting = Citizen.withMobile();
        Stubs.smsGateway(waiting.mobile, 503);
        waiting.files();
        UUID id = await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> waiting.sms(pool).attempts() >= 1
                                ? waiting.sms(pool).id()
                                : null,
                        Objects::nonNull);
        // four tries used up (one left), the next an hour away (set again until no try in flight overwrites it)
        OffsetDateTime later = clock.instant().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> {
            pool.preparedQuery("update notification set attempts = 4, next_attempt_at = $2 where id = $1")
                    .executeAndAwait(Tuple.of(id, later));
            Thread.sleep(300);
            return waiting.sms(pool).attempts() == 4
                    && waiting.sms(pool).nextAttemptAt().isAfter(clock.instant());
        });
        Stubs.smsGateway(waiting.mobile, 503, 200); // refuses the early try, takes the next
        ThirdParties.wireMock().setScenarioState("sms-" + waiting.mobile, "Started");
        int before =
                ThirdParties.wireMock().findAll(Stubs.smsTo(waiting.mobile)).size();

        Citizen other = Citizen.withMobile();
        Stubs.smsGateway(other.mobile, 200); // the gateway takes this one: it seems back
        other.files();

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(waiting.sms(pool).status()));
        assertEquals(
                before + 2,
                ThirdParties.wireMock().findAll(Stubs.smsTo(waiting.mobile)).size(),
                "the early try (refused) cost no try, so the next one went out");
    }

    /**
     * A try still waiting on the gateway when it came back fails afterwards (its answer timed out). The gateway took
     * another message meanwhile, so that outage is over: the notice is retried after the first backoff (100-200 ms in
     * tests), not after the grown one of its fourth try (500-1,000 ms).
     */
    @Test
    void aTryThatFailsAfterItsChannelCameBackIsRetriedSoon() {
        Citizen slow = Citizen.withMobile();
        Stubs.smsGateway(slow.mobile, 503);
        slow.files();
        UUID id = await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> slow.sms(pool).attempts() >= 1 ? slow.sms(pool).id() : null, Objects::nonNull);
        OffsetDateTime later = clock.instant().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> {
            pool.preparedQuery("update notification set attempts = 3, next_attempt_at = $2 where id = $1")
                    .executeAndAwait(Tuple.of(id, later));
            Thread.sleep(300);
            return slow.sms(pool).attempts() == 3
                    && slow.sms(pool).nextAttemptAt().isAfter(clock.instant());
        });
        // its next try waits on the gateway past notify-service's 2 s, then the gateway takes it
        String scenario = "back-" + slow.mobile;
        java.util.function.Supplier<com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder> sms =
                () -> post(urlEqualTo(ThirdParties.SMS_PATH))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(slow.mobile)))
                        .inScenario(scenario);
        var hang = ThirdParties.wireMock()
                .stubFor(sms.get()
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("back")
                        .willReturn(aResponse().withStatus(503).withFixedDelay(3_000)));
        var back = ThirdParties.wireMock()
                .stubFor(sms.get()
                        .whenScenarioStateIs("back")
                        .willReturn(aResponse().withStatus(200)));
        try {
            int before =
                    ThirdParties.wireMock().findAll(Stubs.smsTo(slow.mobile)).size();
            pool.preparedQuery("update notification set next_attempt_at = $2 where id = $1")
                    .executeAndAwait(Tuple.of(id, clock.instant().atOffset(ZoneOffset.UTC)));
            await().pollInterval(Duration.ofMillis(20))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> ThirdParties.wireMock()
                                    .findAll(Stubs.smsTo(slow.mobile))
                                    .size()
                            > before);
            Instant began = clock.instant();

            Citizen other = Citizen.withMobile(); // taken while the slow try waits: the gateway is back
            Stubs.smsGateway(other.mobile, 200);
            other.files();
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> "SENT".equals(other.sms(pool).status()));

            await().pollInterval(Duration.ofMillis(20))
                    .ignoreExceptions()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> slow.sms(pool).attempts() == 4);
            Duration wait =
                    Duration.between(began.plusSeconds(2), slow.sms(pool).nextAttemptAt());
            assertThat("retried after the first backoff, not the fourth try's: " + wait, wait.toMillis() < 400);
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> "SENT".equals(slow.sms(pool).status()));
        } finally {
            ThirdParties.wireMock().removeStubMapping(hang);
            ThirdParties.wireMock().removeStubMapping(back);
        }
    }

    /**
     * complaint-service away (here answering 503 to the contact look-ups of this citizen) for longer than all of a
     * notice's tries would last: the notice waits, no try counted, and goes out once the look-up answers again.
     */
    @Test
    void aNoticeWaitsOutComplaintServiceBeingAwayWithoutUsingUpItsTries() {
        Citizen citizen = Citizen.withMobile();
        Stubs.smsGateway(citizen.mobile, 200);
        var away = ThirdParties.wireMock()
                .stubFor(post(urlEqualTo(Stubs.CONTACT_LOOKUPS_PATH))
                        .atPriority(1)
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                                citizen.complaintId.toString()))
                        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));
        try {
            citizen.files();
            // more look-ups than the notice has tries (5)
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ThirdParties.wireMock()
                                    .findAll(Stubs.contactLookupsOf(citizen.complaintId))
                                    .size()
                            >= 8);
            NotificationRows.Stored waiting = citizen.sms(pool);
            assertEquals("PENDING", waiting.status());
            assertEquals(0, waiting.attempts(), "an outage of complaint-service uses up no try");
        } finally {
            ThirdParties.wireMock().removeStubMapping(away);
        }
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(citizen.sms(pool).status()));
        assertEquals(1, citizen.sms(pool).attempts());
        ThirdParties.wireMock().verify(1, Stubs.smsTo(citizen.mobile));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aGatewayThatAlwaysFailsEndsFailedOnTheDeadLetterTopicAndInTheLogThenASupervisorResends() {
        Citizen citizen = Citizen.withMobile();
        Stubs.smsGateway(citizen.mobile, 503);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> dlq = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .withGroupId("test-" + UUID.randomUUID())
                    .fromTopics(prefix + "notification-dlq");
            citizen.files();

            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> "FAILED".equals(citizen.sms(pool).status()));
            UUID id = citizen.sms(pool).id();
            assertEquals(5, citizen.sms(pool).attempts());
            ThirdParties.wireMock().verify(5, Stubs.smsTo(citizen.mobile));
            JsonObject deadLetter = await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> deadLetterOf(dlq, id), Objects::nonNull);
            assertEquals(citizen.complaintId.toString(), deadLetter.getString("complaintId"));
            assertEquals(5, deadLetter.getInteger("attempts"));
            assertThat(deadLetter.getString("reason"), containsString("503"));
            assertThat(deadLetter.encode(), org.hamcrest.Matchers.not(containsString(citizen.mobile)));
        }
        given().queryParam("trackingNumber", citizen.trackingNumber)
                .queryParam("status", "FAILED")
                .when()
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].channel", equalTo("SMS"))
                .body("items[0].attempts", equalTo(5))
                .body("items[0].lastError", containsString("503"))
                .body(
                        "items[0].recipient",
                        equalTo("citizen:" + citizen.complaintId.toString().substring(0, 4) + "***"));

        Stubs.smsGateway(citizen.mobile, 200); // the gateway is back: a supervisor re-sends
        UUID id = citizen.sms(pool).id();
        given().when()
                .post("/api/v1/notifications/{id}/resend", id)
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(0));
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(citizen.sms(pool).status()));
        assertEquals(1, citizen.sms(pool).attempts());
        given().when()
                .post("/api/v1/notifications/{id}/resend", id)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://jxquality.cn/problems/not-failed"));
    }

    @Test
    void aGatewayRefusingWith400IsNotRetried() {
        Citizen citizen = Citizen.withMobile();
        Stubs.smsGateway(citizen.mobile, 400);

        citizen.files();

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "FAILED".equals(citizen.sms(pool).status()));
        assertEquals(1, citizen.sms(pool).attempts());
        assertThat(citizen.sms(pool).lastError(), containsString("400"));
        ThirdParties.wireMock().verify(1, Stubs.smsTo(citizen.mobile));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aBulkResendRequeuesEveryFailedSmsAtOnceAndCountsWhereTheyAre() {
        List<Citizen> citizens = List.of(Citizen.withMobile(), Citizen.withMobile());
        for (Citizen citizen : citizens) {
            Stubs.smsGateway(citizen.mobile, 400);
            citizen.files();
        }
        for (Citizen citizen : citizens) {
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> "FAILED".equals(citizen.sms(pool).status()));
            Stubs.smsGateway(citizen.mobile, 200); // the gateway takes them now
        }

        String batch = given().when()
                .post("/api/v1/notifications/resend-batches?channel=SMS")
                .then()
                .statusCode(201)
                .body("requestedBy", equalTo("supervisor1"))
                .body("channel", equalTo("SMS"))
                .body("total", greaterThanOrEqualTo(2))
                .extract()
                .path("id");
        for (Citizen citizen : citizens) {
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> "SENT".equals(citizen.sms(pool).status()));
            assertEquals(
                    batch,
                    pool.preparedQuery("select resend_batch_id from notification where id = $1")
                            .execute(Tuple.of(citizen.sms(pool).id()))
                            .await()
                            .indefinitely()
                            .iterator()
                            .next()
                            .getUUID(0)
                            .toString());
            ThirdParties.wireMock().verify(2, Stubs.smsTo(citizen.mobile)); // the refused try and the re-sent one
        }
        given().when()
                .get("/api/v1/notifications/resend-batches/{id}", batch)
                .then()
                .statusCode(200)
                .body("byStatus.SENT", greaterThanOrEqualTo(2));
        given().when()
                .get("/api/v1/notifications/resend-batches?limit=5")
                .then()
                .statusCode(200)
                .body("id", hasItem(batch));
        given().when()
                .get("/api/v1/notifications/resend-batches/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void anSmsDueInQuietHoursIsDeferredToEightInTheMorningAndThenSent() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 25);
        clock.setShanghaiTime(day, java.time.LocalTime.of(22, 30));
        Citizen citizen = Citizen.withMobile();
        Stubs.smsGateway(citizen.mobile, 200);

        citizen.files();

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "DEFERRED".equals(citizen.sms(pool).status()));
        assertEquals(
                day.plusDays(1).atTime(8, 0).atZone(AdjustableClock.SHANGHAI).toInstant(),
                citizen.sms(pool).nextAttemptAt());
        assertEquals(0, citizen.sms(pool).attempts());
        ThirdParties.wireMock().verify(0, Stubs.smsTo(citizen.mobile));

        clock.setShanghaiTime(day.plusDays(1), java.time.LocalTime.of(8, 0, 1));
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(citizen.sms(pool).status()));
        ThirdParties.wireMock().verify(1, Stubs.smsTo(citizen.mobile));
    }

    @Test
    void theContactIsFetchedWithTheServiceAccountTokenOfKeycloak() {
        Citizen citizen = Citizen.withMobile();
        Stubs.smsGateway(citizen.mobile, 200);

        citizen.files();

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(citizen.sms(pool).status()));
        String authorization = ThirdParties.wireMock()
                .findAll(Stubs.contactLookupsOf(citizen.complaintId))
                .get(0)
                .getHeader("Authorization");
        String payload = new String(java.util.Base64.getUrlDecoder()
                .decode(authorization.substring("Bearer ".length()).split("\\.")[1]));
        JsonObject claims = new JsonObject(payload);
        assertEquals("notify-service", claims.getString("azp"));
        assertThat(claims.getString("iss"), containsString("/realms/jiangxi-quality"));
        assertThat(citizen.sms(pool).lastError(), nullValue());
    }

    private static JsonObject deadLetterOf(ConsumerTask<String, String> dlq, UUID notificationId) {
        return dlq.getRecords().stream()
                .map(ConsumerRecord::value)
                .map(JsonObject::new)
                .filter(json -> notificationId.toString().equals(json.getString("notificationId")))
                .findFirst()
                .orElse(null);
    }

    /** A citizen whose complaint is registered, with a mobile and no e-mail. */
    private record Citizen(UUID complaintId, String trackingNumber, String mobile) {

        static Citizen withMobile() {
            Citizen citizen = new Citizen(UUID.randomUUID(), Events.trackingNumber(), Stubs.mobile());
            Stubs.contact(citizen.complaintId, citizen.mobile, null, "zh-CN");
            return citizen;
        }

        void files() {
            Events.publish(
                    "complaint-events",
                    "complaint.received.v1",
                    complaintId,
                    Events.complaintReceived(complaintId, trackingNumber, false));
        }

        NotificationRows.Stored sms(Pool pool) {
            return NotificationRows.one(pool, trackingNumber, "SMS");
        }
    }
}
