package cn.jxquality.cases.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code case.calendar-loaded.v1} (schema in {@code events/}): the official calendar of {@code year} as an
 * administrator loaded it, for the other services that count working days on it (complaint-service's ODR time
 * limits). Published with every load, whether or not a case deadline moved. Kafka key {@code calendar:<year>}. No
 * personal data.
 */
public record CalendarPublished(int year, Instant loadedAt, List<Day> days) {

    public static final String TYPE = "case.calendar-loaded.v1";

    /** A day that differs from Monday to Friday. */
    public record Day(LocalDate date, CalendarDay.Type type) {}

    static CalendarPublished of(int year, Instant loadedAt, List<CalendarDay> days) {
        return new CalendarPublished(
                year,
                loadedAt,
                days.stream().map(d -> new Day(d.date(), d.type())).toList());
    }
}
