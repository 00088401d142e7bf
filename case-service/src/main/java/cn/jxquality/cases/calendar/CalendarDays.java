package cn.jxquality.cases.calendar;

import cn.jxquality.platform.calendar.WorkingDayCalendar;
import cn.jxquality.platform.seed.SeedFiles;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The official calendars' days by year, from the seeds and from the database, made into one working-day calendar. */
final class CalendarDays {

    private CalendarDays() {}

    /**
     * The seeds' years, except those loaded since, and the loaded ones as one calendar: a loaded year replaces the
     * seeds' file of that year whole rather than adding to it.
     */
    static WorkingDayCalendar calendarOf(
            Map<Integer, List<CalendarDay>> seeded, Map<Integer, List<CalendarDay>> loaded) {
        Map<Integer, List<CalendarDay>> years = new TreeMap<>(seeded);
        years.putAll(loaded);
        StringBuilder csv = new StringBuilder(CalendarFile.HEADER).append('\n');
        years.values()
                .forEach(days -> days.forEach(day -> csv.append(day.csvRow()).append('\n')));
        return WorkingDayCalendar.fromCsv(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The seeds' calendar files (read as strictly as a loaded one: a broken seed stops the service at start). */
    static Map<Integer, List<CalendarDay>> seeded(SeedFiles seeds, List<String> files) {
        Map<Integer, List<CalendarDay>> years = new TreeMap<>();
        for (String file : files) {
            try (InputStream in = seeds.open(file)) {
                CalendarFile.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), null)
                        .forEach(day -> years.computeIfAbsent(day.date().getYear(), y -> new ArrayList<>())
                                .add(day));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return years;
    }

    /** Rows of {@code official_calendar_day} by year. */
    static Map<Integer, List<CalendarDay>> byYear(RowSet<Row> rows) {
        Map<Integer, List<CalendarDay>> years = new TreeMap<>();
        rows.forEach(row -> {
            LocalDate day = row.getLocalDate("day");
            years.computeIfAbsent(day.getYear(), y -> new ArrayList<>())
                    .add(new CalendarDay(
                            day, CalendarDay.Type.valueOf(row.getString("type")), row.getString("occasion")));
        });
        return years;
    }

    static int count(List<CalendarDay> days, CalendarDay.Type type) {
        return (int) days.stream().filter(day -> day.type() == type).count();
    }
}
