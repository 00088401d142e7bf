package cn.jxquality.cases.calendar;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.ComplaintEvents;
import cn.jxquality.cases.EventSchemas;
import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.deadline.DeadlineScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Loading a year's official calendar at run time recounts the running deadlines it touches, each moved one with an
 * audit entry, and tells the supervisors once. The 2027 calendar here is synthetic (1, 4 and 5 January off, a make-up
 * Saturday in February), not the State Council's; the test takes it away again afterwards.
 */
@QuarkusTest
class OfficialCalendarTest {

    static final String SYNTHETIC_2027 = """
            date,type,occasion
            2027-01-01,HOLIDAY,synthetic New Year's Day
            2027-01-04,HOLIDAY,synthetic day off
            2027-01-05,HOLIDAY,synthetic day off
            2027-02-20,MAKEUP_WORKDAY,synthetic make-up day
            """;
    /** Monday 28 December 2026, 10:00 Beijing: accepted by Thursday 7 January 2027 on the provisional 2027. */
    static final Instant LATE_DECEMBER = Instant.parse("2026-12-28T02:00:00Z");

    @Inject
    Pool pool;

    @Inject
    OfficialCalendars calendars;

    @Inject
    DeadlineScheduler scheduler;

    @Inject
    ObjectMapper json;

    @Inject
    CaseDeadlines deadlines;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String prefix;

    private final List<String> opened = new ArrayList<>();

    /** The synthetic year goes, every replica's calendar with it, and this test's cases stop counting. */
    @AfterEach
    void takeTheSyntheticYearAway() {
        execute("delete from official_calendar where year in (2027, 2031)");
        calendars.refresh().await().indefinitely();
        pool.preparedQuery("update deadline_clock set stopped_at = now() where stopped_at is null and case_id in"
                        + " (select id from case_file where tracking_number = any($1))")
                .execute(Tuple.of((Object) opened.toArray(String[]::new)))
                .await()
                .indefinitely();
    }

    @Test
    @TestSecurity(
            user = "admin1",
            roles = {"admin", "supervisor"})
    void aLoadedYearMovesTheDeadlinesItReachesAuditsEachAndTellsTheSupervisorsOnce() {
        JsonPath crossing = open(LATE_DECEMBER);
        assertEquals("2027-01-07T15:59:59Z", crossing.getString("deadlines.acceptBy"));
        assertTrue(crossing.getList("provisionalDeadlines").contains("acceptBy"));
        JsonPath notReaching = open(Instant.now());
        String escalated = escalatedAcrossNewYear();

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> caseEvents = kafka.consumeStrings().fromTopics(prefix + "case-events");
            JsonPath loaded = load(2027, SYNTHETIC_2027)
                    .statusCode(200)
                    .body("year", equalTo(2027))
                    .body("loadedBy", equalTo("admin1"))
                    .body("holidays", equalTo(3))
                    .body("makeUpWorkdays", equalTo(1))
                    .extract()
                    .jsonPath();

            // 4 and 5 January are off now: 29, 30, 31 December, 6, 7, 8 and 11 January
            JsonPath moved = view(crossing.getString("id"));
            assertEquals("2027-01-11T15:59:59Z", moved.getString("deadlines.acceptBy"));
            assertEquals(List.of(), moved.getList("provisionalDeadlines"));
            assertEquals(crossing.getInt("version") + 1, moved.getInt("version"));
            given().get("/api/v1/cases/{id}/events", crossing.getString("id"))
                    .then()
                    .body("findAll { it.type == 'case.deadline-moved' }", hasSize(1))
                    .body("find { it.type == 'case.deadline-moved' }.visibility", equalTo("INTERNAL"))
                    .body("find { it.type == 'case.deadline-moved' }.actor", equalTo("system"))
                    .body(
                            "find { it.type == 'case.deadline-moved' }.note",
                            equalTo("期限调整 Deadline acceptBy moved from 2027-01-07 to 2027-01-11: the official 2027"
                                    + " calendar was loaded"));
            Row clock = row(
                    "select due_at, extract(epoch from warn_at - started_at) / extract(epoch from due_at - started_at)"
                            + " as share from deadline_clock where case_id = $1 and name = 'acceptBy'",
                    UUID.fromString(crossing.getString("id")));
            assertEquals(
                    Instant.parse("2027-01-11T15:59:59Z"),
                    clock.getOffsetDateTime("due_at").toInstant());
            assertEquals(0.8, clock.getDouble("share"), 0.0001, "its warning moved with it");

            // a deadline the new days off do not reach stays as it was, without an entry
            JsonPath unmoved = view(notReaching.getString("id"));
            assertEquals(notReaching.getMap("deadlines"), unmoved.getMap("deadlines"));
            assertEquals(notReaching.getInt("version"), unmoved.getInt("version"));
            given().get("/api/v1/cases/{id}/events", notReaching.getString("id"))
                    .then()
                    .body("type", not(hasItem("case.deadline-moved")));

            // an open escalation's own 5 working days from 30 December: 31 December, 6, 7, 8 and 11 January
            assertEquals(
                    Instant.parse("2027-01-11T15:59:59Z"),
                    row("select due_at from escalation where tracking_number = $1 and closed_at is null", escalated)
                            .getOffsetDateTime("due_at")
                            .toInstant());

            JsonNode notice = awaitNotice(caseEvents, loaded.getString("loadedAt"));
            assertEquals(2027, notice.get("year").asInt());
            assertEquals(loaded.getInt("movedCount"), notice.get("movedCount").asInt());
            assertTrue(notice.get("movedCount").asInt() >= 2, notice.toString());
            if (notice.get("movedCount").asInt() <= 200) {
                assertTrue(
                        listed(
                                notice,
                                crossing.getString("trackingNumber"),
                                "acceptBy",
                                "2027-01-07T15:59:59Z",
                                "2027-01-11T15:59:59Z"),
                        notice.toString());
                assertTrue(
                        listed(
                                notice,
                                escalated,
                                "escalation:acceptBy",
                                "2027-01-07T15:59:59Z",
                                "2027-01-11T15:59:59Z"),
                        notice.toString());
            }
            caseEvents.stop();
        }

        // a case opened now counts on the loaded year at once
        JsonPath after = open(LATE_DECEMBER);
        assertEquals("2027-01-11T15:59:59Z", after.getString("deadlines.acceptBy"));
        assertEquals(List.of(), after.getList("provisionalDeadlines"));
        given().get("/api/v1/calendars")
                .then()
                .statusCode(200)
                .body("find { it.year == 2027 }.status", equalTo("OFFICIAL"))
                .body("find { it.year == 2027 }.source", equalTo("LOADED"))
                .body("find { it.year == 2027 }.loadedBy", equalTo("admin1"))
                .body("find { it.year == 2026 }.source", equalTo("SEEDS"));

        // loaded again, the year is replaced: with only 1 January off, back to 7 January
        load(2027, "date,type,occasion\n2027-01-01,HOLIDAY,synthetic New Year's Day\n")
                .statusCode(200)
                .body("holidays", equalTo(1))
                .body(
                        "moved.find { it.trackingNumber == '" + crossing.getString("trackingNumber") + "' }.to",
                        equalTo("2027-01-07T15:59:59Z"));
        assertEquals("2027-01-07T15:59:59Z", view(crossing.getString("id")).getString("deadlines.acceptBy"));
        assertEquals(
                1,
                row("select count(*) from official_calendar_day where year = 2027")
                        .getLong(0),
                "the earlier days are gone");
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void aBadFileIsA400NamingTheLineAndChangesNothing() {
        load(2031, "date,type,occasion\n2031-01-01,HOLIDAY,ok\n2030-12-31,HOLIDAY,last year\n")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://jxquality.cn/problems/invalid-input"))
                .body("violations[0].field", equalTo("lines[3].date"));
        load(2031, "date,type,occasion\n2031-01-01,DAY_OFF,x\n")
                .statusCode(400)
                .body("violations[0].field", equalTo("lines[2].type"));
        load(2031, "date,type,occasion\n2031-01-01,HOLIDAY,x\n2031-01-01,HOLIDAY,again\n")
                .statusCode(400)
                .body("violations[0].field", equalTo("lines[3].date"));
        load(2031, "2031-01-01,HOLIDAY,x\n").statusCode(400).body("violations[0].field", equalTo("lines[1]"));
        load(2031, "").statusCode(400).body("violations[0].field", equalTo("body"));
        given().contentType("text/csv")
                .body("date,type,occasion\n")
                .put("/api/v1/calendars/x")
                .then()
                .statusCode(400);
        load(1999, "date,type,occasion\n1999-01-01,HOLIDAY,x\n").statusCode(400);
        given().contentType("application/json")
                .body("{}")
                .put("/api/v1/calendars/2031")
                .then()
                .statusCode(415);
        assertEquals(
                0,
                row("select count(*) from official_calendar where year = 2031").getLong(0));
        assertEquals(
                0,
                row("select count(*) from official_calendar_day where year = 2031")
                        .getLong(0));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorsSeeWhichYearsAreProvisionalButLoadNone() {
        int thisYear =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        given().get("/api/v1/calendars")
                .then()
                .statusCode(200)
                .body("find { it.year == 2026 }.status", equalTo("OFFICIAL"))
                .body("find { it.year == " + (thisYear + 1) + " }", org.hamcrest.Matchers.notNullValue());
        load(2027, SYNTHETIC_2027).statusCode(403);
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    void departmentsNeitherLoadNorList() {
        given().get("/api/v1/calendars").then().statusCode(403);
        load(2027, SYNTHETIC_2027).statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "admin1",
            roles = {"admin", "supervisor"})
    void aClaimWindowTheLoadedYearLengthensGrowsAndOneItWouldShortenStaysAsTold() throws Exception {
        // told on 1 December 2026: 30 working days end in mid-January on the provisional 2027, which has no 4 and 5
        // January off
        Instant toldInDecember = Instant.parse("2026-12-01T02:00:00Z");
        Instant provisionalEnd = deadlines.workingDaysAfter(toldInDecember, 30).due();
        UUID growing = notifiedReward(toldInDecember, provisionalEnd);
        // told on 20 January 2027: the provisional year's Spring Festival days off lie in the window; the synthetic
        // official year has none, so counted on it the window would end earlier than the reporter was told
        Instant toldInJanuary = Instant.parse("2027-01-20T02:00:00Z");
        Instant toldEnd = deadlines.workingDaysAfter(toldInJanuary, 30).due();
        UUID shrinking = notifiedReward(toldInJanuary, toldEnd);

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> rewardEvents = kafka.consumeStrings().fromTopics(prefix + "reward-events");
            load(2027, SYNTHETIC_2027).statusCode(200).body("claimWindowsExtended", greaterThanOrEqualTo(1));

            Instant officialEnd = deadlines.workingDaysAfter(toldInDecember, 30).due();
            assertEquals(
                    CaseDeadlines.day(provisionalEnd).plusDays(2),
                    CaseDeadlines.day(officialEnd),
                    "4 and 5 January are off now: two more days");
            Row grown = row("select claim_deadline, claim_by, public_note, version from reward where id = $1", growing);
            assertEquals(CaseDeadlines.day(officialEnd), grown.getLocalDate("claim_deadline"));
            assertEquals(officialEnd, grown.getOffsetDateTime("claim_by").toInstant());
            assertEquals(1, grown.getInteger("version"));
            assertTrue(
                    grown.getString("public_note").contains("请于 " + CaseDeadlines.day(officialEnd) + " 前"),
                    grown.getString("public_note"));
            assertEquals(
                    "Claim window moved from " + CaseDeadlines.day(provisionalEnd) + " to "
                            + CaseDeadlines.day(officialEnd) + ": the official 2027 calendar was loaded",
                    row(
                                    "select note from reward_event where reward_id = $1"
                                            + " and type = 'reward.claim-window-moved'",
                                    growing)
                            .getString("note"));

            Row kept = row("select claim_by, version from reward where id = $1", shrinking);
            assertEquals(toldEnd, kept.getOffsetDateTime("claim_by").toInstant(), "never shorter than told");
            assertEquals(0, kept.getInteger("version"));

            // the reporter hears the new last day: reward.notified.v1 again, valid against its schema
            String number = row("select tracking_number from reward where id = $1", growing)
                    .getString(0);
            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> rewardEvents.getRecords().stream()
                                    .filter(r -> r.value().contains(number))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertEquals(
                    "reward.notified.v1",
                    new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
            JsonNode data = json.readTree(record.value());
            EventSchemas.assertValid("reward.notified.v1", data);
            assertEquals(officialEnd, Instant.parse(data.get("claimBy").asText()));
            rewardEvents.stop();
        }
    }

    /** A reward of a case opened now, the reporter told on {@code notifiedAt} to claim by {@code claimBy}. */
    private UUID notifiedReward(Instant notifiedAt, Instant claimBy) {
        JsonPath opened = open(Instant.now());
        UUID id = UUID.randomUUID();
        execute(
                "insert into reward (id, case_id, complaint_id, tracking_number, violation_key, level, base_fen,"
                        + " violation_amount_fen, amount_fen, shared_by, insider, below_major_threshold,"
                        + " finance_approval_required, state, proposer, approver, public_note, proposed_at, decided_at,"
                        + " notified_at, claim_deadline, claim_by)"
                        + " values ($1, $2, $3, $4, $5, 1, 50000, 50000, 50000, 1, false, true, false, 'NOTIFIED',"
                        + " 'reviewer1', 'approver1', 'told', $6, $6, $6, $7, $8)",
                id,
                UUID.fromString(opened.getString("id")),
                row("select complaint_id from case_file where id = $1", UUID.fromString(opened.getString("id")))
                        .getUUID(0),
                opened.getString("trackingNumber"),
                "calendar-test:" + id,
                java.time.OffsetDateTime.ofInstant(notifiedAt, java.time.ZoneOffset.UTC),
                CaseDeadlines.day(claimBy),
                java.time.OffsetDateTime.ofInstant(claimBy, java.time.ZoneOffset.UTC));
        return id;
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get("/api/v1/calendars").then().statusCode(401);
        load(2027, SYNTHETIC_2027).statusCode(401);
    }

    private io.restassured.response.ValidatableResponse load(int year, String csv) {
        return given().contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/calendars/{year}", year)
                .then();
    }

    /** A Nanchang complaint received at {@code receivedAt}, opened and routed. */
    private JsonPath open(Instant receivedAt) {
        String number = ComplaintEvents.trackingNumber();
        opened.add(number);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings()
                    .fromRecords(ComplaintEvents.receivedAfterOdr(
                            prefix + "complaint-events",
                            UUID.randomUUID().toString(),
                            UUID.randomUUID(),
                            number,
                            "360100",
                            receivedAt,
                            "91360100158304019E",
                            "null"))
                    .awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        row("select count(*) from case_file where tracking_number = $1 and state = 'ASSIGNED'", number)
                                        .getLong(0)
                                == 1);
        String id = row("select id::text from case_file where tracking_number = $1", number)
                .getString(0);
        return view(id);
    }

    /**
     * A case whose acceptance ran out and was escalated; the escalation as if opened on 30 December 2026, so its own
     * 5 working days end on 7 January 2027 provisionally. Yields the tracking number.
     */
    private String escalatedAcrossNewYear() {
        JsonPath late = open(Instant.now());
        UUID id = UUID.fromString(late.getString("id"));
        execute(
                "update deadline_clock set started_at = now() - interval '10 days', warn_at = now() - interval '2 days',"
                        + " due_at = now() - interval '1 day' where case_id = $1 and name = 'acceptBy'",
                id);
        scheduler.scanAll().await().indefinitely();
        execute(
                "update escalation set opened_at = '2026-12-30T02:00:00Z', due_at = '2027-01-07T15:59:59Z'"
                        + " where case_id = $1 and closed_at is null",
                id);
        return late.getString("trackingNumber");
    }

    private JsonNode awaitNotice(ConsumerTask<String, String> caseEvents, String loadedAt) {
        JsonNode calendar = awaitEvent(caseEvents, loadedAt, "case.calendar-loaded.v1");
        assertEquals(2027, calendar.get("year").asInt(), "the calendar itself goes out for the other services");
        return awaitEvent(caseEvents, loadedAt, "case.deadlines-moved.v1");
    }

    private JsonNode awaitEvent(ConsumerTask<String, String> caseEvents, String loadedAt, String type) {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> caseEvents.getRecords().stream()
                                .filter(r -> "calendar:2027".equals(r.key()))
                                .filter(r -> r.value().contains(loadedAt))
                                .filter(r -> type.equals(new String(
                                        r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertEquals(null, record.headers().lastHeader("ce_subject"));
        try {
            JsonNode data = json.readTree(record.value());
            EventSchemas.assertValid(type, data);
            return data;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean listed(JsonNode notice, String trackingNumber, String deadline, String from, String to) {
        for (JsonNode moved : notice.get("cases")) {
            if (moved.get("trackingNumber").asText().equals(trackingNumber)
                    && moved.get("deadline").asText().equals(deadline)
                    && moved.get("from").asText().equals(from)
                    && moved.get("to").asText().equals(to)
                    && moved.get("departmentCode").asText().equals("360100-AMR")) {
                return true;
            }
        }
        return false;
    }

    private JsonPath view(String id) {
        return given().get("/api/v1/cases/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void execute(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
    }

    private Row row(String sql, Object... args) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(args))
                .await()
                .indefinitely()
                .iterator()
                .next();
    }
}
