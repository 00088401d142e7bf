package cn.jxquality.platform.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Dates and instants a client sends in a query or a cursor. Java reads years up to ±999,999,999; PostgreSQL
 * stores far fewer, so a year outside 1900–9999 is the client's mistake (400 naming the field), never a 500
 * from the database.
 */
public final class ClientTime {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private ClientTime() {}

    /** A {@code YYYY-MM-DD} day, or {@code otherwise} when absent. */
    public static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2026-11-25");
        }
        if (!inRange(day.getYear())) {
            throw outOfRange(field);
        }
        return day;
    }

    /** An ISO-8601 UTC instant, or null when absent. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 UTC instant such as 2026-11-25T00:00:00Z");
        }
        if (!inRange(at)) {
            throw outOfRange(field);
        }
        return at;
    }

    /** Whether PostgreSQL can store and compare the instant (it lies in years 1900–9999). */
    public static boolean inRange(Instant at) {
        return at.isAfter(Instant.MIN)
                && at.isBefore(Instant.MAX)
                && inRange(at.atOffset(ZoneOffset.UTC).getYear());
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static ProblemException outOfRange(String field) {
        return ProblemException.invalid(field, "must lie in the years " + FIRST_YEAR + "–" + LAST_YEAR);
    }
}
