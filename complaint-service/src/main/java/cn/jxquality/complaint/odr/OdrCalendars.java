package cn.jxquality.complaint.odr;

import cn.jxquality.complaint.status.OfficialCalendarListener;
import cn.jxquality.platform.calendar.WorkingDayCalendar;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The official calendars an administrator loads into case-service at run time, for the ODR time limits
 * (issue 20, part 2): a load ({@code case.calendar-loaded.v1}) is stored here, the clock counts on it, and every
 * running ODR limit it changes is recounted from its start in the same transaction, with a public step telling the
 * citizen of the new date — never silently. Another replica, which did not consume the event, picks the stored years
 * up within a minute.
 */
@ApplicationScoped
public class OdrCalendars implements OfficialCalendarListener {

    static final String STORED = "SELECT day, type FROM official_calendar_day ORDER BY day";
    static final String VERSION = "SELECT coalesce(string_agg(year || '@' || loaded_at, ',' ORDER BY year), '')"
            + " FROM official_calendar_year";
    static final String LOCK = "LOCK TABLE official_calendar_year IN EXCLUSIVE MODE";
    static final String STORE_YEAR = "INSERT INTO official_calendar_year (year, loaded_at) VALUES ($1, $2)"
            + " ON CONFLICT (year) DO UPDATE SET loaded_at = excluded.loaded_at";
    static final String DELETE_DAYS = "DELETE FROM official_calendar_day WHERE year = $1";
    static final String STORE_DAYS = "INSERT INTO official_calendar_day (day, year, type)"
            + " SELECT d.day, $1, d.type FROM unnest($2::date[], $3::varchar[]) AS d (day, type)";
    static final String RUNNING = "SELECT " + OdrReferral.COLUMNS
            + " FROM odr_referral r JOIN complaint c ON c.id = r.complaint_id"
            + " WHERE r.state IN ('WITH_ENTERPRISE', 'SETTLED') FOR UPDATE OF r";
    static final String MOVE_DUE = "UPDATE odr_referral SET due_at = $2, version = version + 1"
            + " WHERE complaint_id = $1 AND state = 'WITH_ENTERPRISE'";
    static final String MOVE_ANSWER_BY = "UPDATE odr_referral SET answer_by = $2, version = version + 1"
            + " WHERE complaint_id = $1 AND state = 'SETTLED'";

    private final Pool pool;
    private final OdrClock clock;
    private volatile String version;

    OdrCalendars(Pool pool, OdrClock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent ignored) {
        refresh().await().atMost(Duration.ofSeconds(60));
    }

    /** Counts on the stored years when another replica (or this one) stored a load since they were read. */
    @Scheduled(
            identity = "odr-calendar-refresh",
            every = "${odr.calendar-refresh-every:60s}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query(VERSION).execute().flatMap(versions -> {
            String stored = versions.iterator().next().getString(0);
            return stored.equals(version) ? Uni.createFrom().voidItem() : countOn(stored);
        });
    }

    /** Reads the stored years, marked {@code stored}, into the clock. */
    private Uni<Void> countOn(String stored) {
        return pool.query(STORED).execute().map(OdrCalendars::byYear).map(years -> {
            clock.use(clock.calendarWith(years));
            version = stored;
            return null;
        });
    }

    @Override
    public Uni<Void> loaded(int year, List<Day> days) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(sql -> sql.query(LOCK)
                        .execute()
                        .flatMap(locked -> store(sql, year, days, now))
                        .flatMap(stored -> sql.query(STORED).execute())
                        .flatMap(rows -> {
                            WorkingDayCalendar next = clock.calendarWith(byYear(rows));
                            return recount(sql, next, year, now).map(moved -> new Loaded(next, moved));
                        }))
                .invoke(loaded -> {
                    clock.use(loaded.calendar());
                    version = null;
                    Log.infof(
                            "Official calendar %d loaded for the ODR time limits: %d running limit(s) moved",
                            year, loaded.moved());
                })
                .replaceWithVoid();
    }

    /** Every running limit counted again from its start; those that move get their new date and a public step. */
    private Uni<Integer> recount(SqlClient sql, WorkingDayCalendar next, int year, Instant now) {
        return sql.query(RUNNING).execute().flatMap(rows -> {
            Uni<Integer> moved = Uni.createFrom().item(0);
            for (Row row : rows) {
                OdrReferral referral = OdrReferral.of(row);
                boolean enterprisesTurn = referral.state() == OdrState.WITH_ENTERPRISE;
                Instant was = enterprisesTurn ? referral.dueAt() : referral.answerBy();
                Instant is = enterprisesTurn
                        ? clock.answerDue(next, referral.sentAt())
                        : clock.citizenDue(next, referral.respondedAt());
                if (was == null || was.equals(is)) {
                    continue;
                }
                OdrNotes note = OdrNotes.moved(enterprisesTurn, year, was, is);
                moved = moved.call(() -> sql.preparedQuery(enterprisesTurn ? MOVE_DUE : MOVE_ANSWER_BY)
                                .execute(Tuple.of(referral.complaintId(), at(is)))
                                .flatMap(updated -> sql.preparedQuery(OdrSteps.STEP)
                                        .execute(Tuple.from(Arrays.asList(
                                                referral.complaintId(), at(now), null, note.zh(), note.en())))))
                        .map(count -> count + 1);
            }
            return moved;
        });
    }

    private static Uni<RowSet<Row>> store(SqlClient sql, int year, List<Day> days, Instant now) {
        return sql.preparedQuery(STORE_YEAR)
                .execute(Tuple.of(year, at(now)))
                .flatMap(r -> sql.preparedQuery(DELETE_DAYS).execute(Tuple.of(year)))
                .flatMap(r -> sql.preparedQuery(STORE_DAYS)
                        .execute(Tuple.of(
                                year,
                                days.stream().map(Day::date).toArray(LocalDate[]::new),
                                days.stream().map(Day::type).toArray(String[]::new))));
    }

    /** The stored days as {@code date,type} rows by year. */
    private static Map<Integer, List<String>> byYear(RowSet<Row> rows) {
        Map<Integer, List<String>> years = new TreeMap<>();
        for (Row row : rows) {
            LocalDate day = row.getLocalDate("day");
            years.computeIfAbsent(day.getYear(), y -> new ArrayList<>()).add(day + "," + row.getString("type") + ",");
        }
        return years;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Loaded(WorkingDayCalendar calendar, int moved) {}
}
