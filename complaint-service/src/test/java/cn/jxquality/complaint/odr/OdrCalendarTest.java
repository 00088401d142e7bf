package cn.jxquality.complaint.odr;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.CaseServiceEvents;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An official calendar loaded into case-service at run time ({@code case.calendar-loaded.v1}) moves the ODR limits it
 * changes, each with a public step, and leaves the others alone (issue 20, part 2). The year is a synthetic 2027 (the
 * real one is not out), taken away afterwards.
 */
@QuarkusTest
class OdrCalendarTest {

    @Inject
    Pool pool;

    @Inject
    OdrCalendars calendars;

    @Inject
    OdrClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "suite.topic-prefix")
    String topicPrefix;

    @AfterEach
    void takeTheSyntheticYearAway() throws Throwable {
        Db.rows(pool, "delete from official_calendar_day where year = 2027");
        Db.rows(pool, "delete from official_calendar_year where year = 2027");
        VertxContextSupport.subscribeAndAwait(() -> calendars.refresh());
    }

    @Test
    void aLoadedYearMovesTheOdrLimitsItReachesAndTellsTheCitizen() {
        // sent on Monday 28 December 2026: the tenth working day falls in 2027, provisional until its calendar is out
        Instant sent = Instant.parse("2026-12-28T02:00:00Z");
        UUID reaching = referralSentAt(sent);
        Instant provisional = clock.answerDue(sent);
        UUID notReaching = referralSentAt(Instant.now());
        Instant before = due(notReaching);

        // the synthetic 2027 takes 4 and 5 January off as well
        String days = "[{\"date\":\"2027-01-01\",\"type\":\"HOLIDAY\"},{\"date\":\"2027-01-04\",\"type\":\"HOLIDAY\"},"
                + "{\"date\":\"2027-01-05\",\"type\":\"HOLIDAY\"}]";
        CaseServiceEvents.publish(
                bootstrap,
                CaseServiceEvents.record(
                        topicPrefix + "case-events",
                        "calendar:2027",
                        UUID.randomUUID().toString(),
                        "case.calendar-loaded.v1",
                        "{\"year\":2027,\"loadedAt\":\"2026-12-20T02:00:00Z\",\"days\":" + days + "}"));

        Instant moved =
                await().atMost(Duration.ofSeconds(20)).until(() -> due(reaching), at -> !at.equals(provisional));
        assertEquals(clock.answerDue(sent), moved);
        assertTrue(moved.isAfter(provisional), "two more days off: the limit ends later");
        assertEquals(before, due(notReaching), "a limit the year does not reach stays");
        List<String> notes = Db.rows(
                        pool,
                        "select note from status_timeline_entry where complaint_id = $1 order by at, id",
                        reaching)
                .stream()
                .map(r -> r.getString("note"))
                .toList();
        assertTrue(notes.stream().anyMatch(n -> n != null && n.contains("2027 年官方节假日安排已公布")), notes::toString);
        assertEquals(
                0L,
                Db.row(
                                pool,
                                "select count(*) as n from status_timeline_entry where complaint_id = $1"
                                        + " and note like '%2027 年官方%'",
                                notReaching)
                        .getLong("n"));
        assertNotEquals(provisional, moved);
    }

    /** A complaint sent to ent-demo's enterprise, its referral moved to {@code sentAt} with the limit it then has. */
    private UUID referralSentAt(Instant sentAt) {
        String number = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.odrComplaint(Submissions.ODR_ENTERPRISE))
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
        UUID id = Db.row(pool, "select id from complaint where tracking_number = $1", number)
                .getUUID("id");
        Db.rows(
                pool,
                "update odr_referral set sent_at = $2, due_at = $3 where complaint_id = $1",
                id,
                OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(clock.answerDue(sentAt), ZoneOffset.UTC));
        return id;
    }

    private Instant due(UUID id) {
        return Db.row(pool, "select due_at from odr_referral where complaint_id = $1", id)
                .getOffsetDateTime("due_at")
                .toInstant();
    }
}
