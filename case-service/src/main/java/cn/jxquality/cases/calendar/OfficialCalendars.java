package cn.jxquality.cases.calendar;

import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.deadline.DeadlineRecount;
import cn.jxquality.cases.deadline.DeadlinesConfig;
import cn.jxquality.cases.deadline.MovedDeadline;
import cn.jxquality.cases.reward.ClaimWindowRecount;
import cn.jxquality.platform.calendar.WorkingDayCalendar;
import cn.jxquality.platform.outbox.OutboxRelay;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.seed.SeedFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The working-day calendar the deadlines count on: the seeds' official years, and the years an administrator loaded
 * at run time, stored in {@code official_calendar} so they survive restarts and reach every replica (each reads them at
 * start and re-reads them when their version changes, every {@code calendars.refresh-every}). A load replaces the
 * year, recounts every running deadline it touches and announces those that moved ({@code case.deadlines-moved.v1}),
 * all in one transaction; loads are taken one at a time (an advisory lock).
 */
@ApplicationScoped
public class OfficialCalendars {

    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('case-service:calendar-load'))";
    static final String STORED_DAYS = "SELECT day, type, occasion FROM official_calendar_day ORDER BY day";
    static final String STORED_YEARS = """
            SELECT year, loaded_at, loaded_by, holidays, makeup_workdays FROM official_calendar ORDER BY year""";
    /** Changes with every load, on whichever replica. */
    static final String VERSION = """
            SELECT coalesce(string_agg(year || '@' || loaded_at, ',' ORDER BY year), '') FROM official_calendar""";

    static final String STORE_YEAR = """
            INSERT INTO official_calendar (year, loaded_at, loaded_by, holidays, makeup_workdays)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (year) DO UPDATE SET loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by,
              holidays = excluded.holidays, makeup_workdays = excluded.makeup_workdays""";
    static final String DELETE_DAYS = "DELETE FROM official_calendar_day WHERE year = $1";
    static final String STORE_DAYS = """
            INSERT INTO official_calendar_day (day, year, type, occasion)
            SELECT d.day, $1, d.type, d.occasion
            FROM unnest($2::date[], $3::varchar[], $4::varchar[]) AS d (day, type, occasion)""";
    static final String APPEND_OUTBOX = """
            INSERT INTO outbox_event (id, aggregate_id, record_key, type, subject, payload, created_at)
            VALUES ($1, $2, $3, $4, NULL, $5, $6)""";

    private final Pool pool;
    private final CaseDeadlines deadlines;
    private final DeadlineRecount recount;
    private final ClaimWindowRecount claimWindows;
    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final Map<Integer, List<CalendarDay>> seeded;
    private final int noticeListLimit;
    /** The version of the stored calendars this replica counts on; null until read. */
    private volatile String version;

    OfficialCalendars(
            Pool pool,
            CaseDeadlines deadlines,
            DeadlineRecount recount,
            ClaimWindowRecount claimWindows,
            ObjectMapper json,
            OutboxRelay relay,
            SeedFiles seeds,
            DeadlinesConfig deadlinesConfig,
            CalendarsConfig config) {
        this.pool = pool;
        this.deadlines = deadlines;
        this.recount = recount;
        this.claimWindows = claimWindows;
        this.json = json;
        this.relay = relay;
        this.seeded = CalendarDays.seeded(seeds, deadlinesConfig.calendarFiles());
        this.noticeListLimit = config.noticeListLimit();
    }

    /** Before the routing directory (whose readiness lets the intake open cases): cases count on the stored years. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent ignored) {
        refresh().await().atMost(Duration.ofSeconds(60));
    }

    /** Counts on the stored calendars when another replica (or this one) changed them since they were read. */
    @Scheduled(
            identity = "calendar-refresh",
            every = "${calendars.refresh-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return pool.query(VERSION)
                .execute()
                .map(rows -> rows.iterator().next().getString(0))
                .flatMap(stored -> {
                    if (stored.equals(version)) {
                        return Uni.createFrom().voidItem();
                    }
                    return pool.query(STORED_DAYS)
                            .execute()
                            .invoke(rows -> {
                                Map<Integer, List<CalendarDay>> years = CalendarDays.byYear(rows);
                                deadlines.useCalendar(CalendarDays.calendarOf(seeded, years));
                                version = stored;
                                Log.infof(
                                        "Working-day calendar: official years %s from the seeds, %s loaded at run time",
                                        seeded.keySet(), years.keySet());
                            })
                            .replaceWithVoid();
                });
    }

    /**
     * Makes {@code csv} the official calendar of {@code year} (replacing an earlier load and the seeds' file of that
     * year) and recounts the running deadlines it touches; a file that cannot be used is a 400 naming its lines and
     * changes nothing.
     */
    public Uni<CalendarLoaded> load(int year, String csv, String loadedBy) {
        List<CalendarDay> days = read(csv, year);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String reason = "the official " + year + " calendar was loaded";
        return pool.withTransaction(tx -> tx.query(LOCK)
                        .execute()
                        .flatMap(locked -> tx.query(STORED_DAYS).execute())
                        .flatMap(rows -> {
                            Map<Integer, List<CalendarDay>> stored = CalendarDays.byYear(rows);
                            WorkingDayCalendar before = CalendarDays.calendarOf(seeded, stored);
                            stored.put(year, days);
                            WorkingDayCalendar after = CalendarDays.calendarOf(seeded, stored);
                            return store(tx, year, days, loadedBy, now)
                                    .flatMap(v -> publish(tx, year, now, days))
                                    .flatMap(v -> recount.recount(tx, before, after, year, now, reason))
                                    .map(OfficialCalendars::soonestFirst)
                                    .flatMap(moved -> announce(tx, year, now, moved)
                                            .chain(() -> claimWindows.recount(tx, before, after, year, now))
                                            .map(extended -> new Counted(after, moved, extended)));
                        }))
                .invoke(counted -> {
                    deadlines.useCalendar(counted.calendar());
                    version = null; // the next refresh reads what this load stored, as every other replica does
                    relay.wake();
                    Log.infof(
                            "Official calendar %d loaded by %s: %d running deadline(s) moved, %d claim window(s)"
                                    + " extended",
                            year, loadedBy, counted.moved().size(), counted.claimWindowsExtended());
                })
                .map(counted -> new CalendarLoaded(
                        year,
                        now,
                        loadedBy,
                        CalendarDays.count(days, CalendarDay.Type.HOLIDAY),
                        CalendarDays.count(days, CalendarDay.Type.MAKEUP_WORKDAY),
                        counted.moved().size(),
                        listed(counted.moved()),
                        counted.claimWindowsExtended()));
    }

    /** The years this and next year included, official or provisional, in order. */
    public Uni<List<CalendarYear>> years(Instant now) {
        return pool.query(STORED_YEARS).execute().map(rows -> {
            Map<Integer, CalendarYear> years = new TreeMap<>();
            seeded.forEach((year, days) -> years.put(
                    year,
                    new CalendarYear(
                            year,
                            CalendarYear.Status.OFFICIAL,
                            CalendarYear.Source.SEEDS,
                            null,
                            null,
                            CalendarDays.count(days, CalendarDay.Type.HOLIDAY),
                            CalendarDays.count(days, CalendarDay.Type.MAKEUP_WORKDAY))));
            rows.forEach(row -> years.put(row.getInteger("year"), stored(row)));
            int thisYear = CaseDeadlines.day(now).getYear();
            years.putIfAbsent(thisYear, CalendarYear.provisional(thisYear));
            years.putIfAbsent(thisYear + 1, CalendarYear.provisional(thisYear + 1));
            return List.copyOf(years.values());
        });
    }

    private static List<CalendarDay> read(String csv, int year) {
        try {
            return CalendarFile.read(csv, year);
        } catch (CalendarFile.InvalidCalendarException e) {
            throw new ProblemException(Problem.invalid(e.violations().stream()
                    .map(v -> new Problem.Violation(v.field(), v.message()))
                    .toList()));
        }
    }

    private static Uni<Void> store(SqlConnection tx, int year, List<CalendarDay> days, String loadedBy, Instant now) {
        Tuple header = Tuple.of(
                year,
                at(now),
                loadedBy,
                CalendarDays.count(days, CalendarDay.Type.HOLIDAY),
                CalendarDays.count(days, CalendarDay.Type.MAKEUP_WORKDAY));
        Tuple rows = Tuple.of(
                year,
                days.stream().map(CalendarDay::date).toArray(LocalDate[]::new),
                days.stream().map(day -> day.type().name()).toArray(String[]::new),
                days.stream().map(CalendarDay::occasion).toArray(String[]::new));
        return tx.preparedQuery(STORE_YEAR)
                .execute(header)
                .flatMap(r -> tx.preparedQuery(DELETE_DAYS).execute(Tuple.of(year)))
                .flatMap(r -> tx.preparedQuery(STORE_DAYS).execute(rows))
                .replaceWithVoid();
    }

    /** The calendar itself, for the other services that count working days on it. */
    private Uni<Void> publish(SqlConnection tx, int year, Instant now, List<CalendarDay> days) {
        UUID id = UUID.randomUUID();
        String data;
        try {
            data = json.writeValueAsString(CalendarPublished.of(year, now, days));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery(APPEND_OUTBOX)
                .execute(Tuple.of(id, id, DeadlinesMoved.key(year), CalendarPublished.TYPE, data, at(now)))
                .replaceWithVoid();
    }

    /** One notice for the supervisors when anything moved; a load that moved nothing tells only its answer. */
    private Uni<Void> announce(SqlConnection tx, int year, Instant now, List<MovedDeadline> moved) {
        if (moved.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        DeadlinesMoved data = new DeadlinesMoved(year, now, moved.size(), listed(moved));
        UUID id = UUID.randomUUID();
        return tx.preparedQuery(APPEND_OUTBOX)
                .execute(Tuple.of(id, id, DeadlinesMoved.key(year), DeadlinesMoved.TYPE, toJson(data), at(now)))
                .replaceWithVoid();
    }

    private List<MovedDeadline> listed(List<MovedDeadline> moved) {
        return List.copyOf(moved.subList(0, Math.min(moved.size(), noticeListLimit)));
    }

    private static List<MovedDeadline> soonestFirst(List<MovedDeadline> moved) {
        List<MovedDeadline> sorted = new ArrayList<>(moved);
        sorted.sort(Comparator.comparing(MovedDeadline::to).thenComparing(MovedDeadline::trackingNumber));
        return sorted;
    }

    private static CalendarYear stored(Row row) {
        return new CalendarYear(
                row.getInteger("year"),
                CalendarYear.Status.OFFICIAL,
                CalendarYear.Source.LOADED,
                row.getOffsetDateTime("loaded_at").toInstant(),
                row.getString("loaded_by"),
                row.getInteger("holidays"),
                row.getInteger("makeup_workdays"));
    }

    private String toJson(DeadlinesMoved data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case.deadlines-moved data is not serialisable", e);
        }
    }

    /** The calendar a load produced and the deadlines it moved, soonest new due first. */
    private record Counted(WorkingDayCalendar calendar, List<MovedDeadline> moved, int claimWindowsExtended) {}
}
