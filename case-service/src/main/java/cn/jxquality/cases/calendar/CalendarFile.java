package cn.jxquality.cases.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a year's official calendar in the seeds' format ({@code seeds/calendar/cn-calendar-2026.csv}): the header
 * {@code date,type,occasion}, then one row per day that differs from Monday to Friday, {@code type} HOLIDAY or
 * MAKEUP_WORKDAY. Everything wrong is reported at once, each by line (the header is line 1) and field, so an
 * administrator fixes the file in one go; nothing half-read is ever used.
 */
public final class CalendarFile {

    static final String HEADER = "date,type,occasion";
    /** A year has at most 366 days; more rows are not a calendar. */
    static final int MAX_DAYS = 366;
    /** Enough to fix a file by, without answering with a thousand lines. */
    static final int MAX_VIOLATIONS = 20;

    static final int MAX_OCCASION = 200;

    /** A calendar file that cannot be used, with what is wrong where. */
    public static final class InvalidCalendarException extends RuntimeException {

        private final transient List<Violation> violations;

        InvalidCalendarException(List<Violation> violations) {
            super(violations.size() + " problem(s) in the calendar file: " + violations.get(0));
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** One problem: {@code field} such as {@code lines[3].date}, or {@code body} for the file as a whole. */
    public record Violation(String field, String message) {}

    private CalendarFile() {}

    /**
     * The days of {@code year}'s calendar in {@code csv}; every date must lie in {@code year} (null: any year, for the
     * seeds, each file of which is one year).
     */
    public static List<CalendarDay> read(String csv, Integer year) {
        List<Violation> violations = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        String[] lines = csv == null ? new String[0] : csv.replace("\uFEFF", "").split("\\R", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new InvalidCalendarException(
                    List.of(new Violation("body", "is empty: expected the header " + HEADER)));
        }
        if (!lines[0].replace(" ", "").equalsIgnoreCase(HEADER)) {
            violations.add(new Violation("lines[1]", "must be the header " + HEADER));
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.length && violations.size() < MAX_VIOLATIONS; i++) {
            if (!lines[i].isBlank()) {
                CalendarDay day = row(lines[i], i + 1, year, seen, violations);
                if (day != null) {
                    days.add(day);
                }
            }
        }
        if (violations.isEmpty() && days.isEmpty()) {
            violations.add(new Violation("body", "lists no day: an official calendar lists at least its holidays"));
        }
        if (days.size() > MAX_DAYS) {
            violations.add(new Violation("body", "lists " + days.size() + " days; a year has at most " + MAX_DAYS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCalendarException(violations);
        }
        return List.copyOf(days);
    }

    /** One row, or null with its problems added to {@code violations}. */
    private static CalendarDay row(
            String line, int number, Integer year, Map<LocalDate, Integer> seen, List<Violation> violations) {
        String at = "lines[" + number + "]";
        String[] fields = line.split(",", 3);
        if (fields.length < 2) {
            violations.add(new Violation(at, "line " + number + " must be date,type,occasion"));
            return null;
        }
        int before = violations.size();
        LocalDate date = date(fields[0].strip(), number, year, seen, violations);
        CalendarDay.Type type = type(fields[1].strip(), number, violations);
        String occasion = fields.length == 3 ? fields[2].strip() : "";
        if (occasion.length() > MAX_OCCASION) {
            violations.add(new Violation(
                    at + ".occasion", "line " + number + ": longer than " + MAX_OCCASION + " characters"));
        }
        if (date != null && type == CalendarDay.Type.MAKEUP_WORKDAY && !isWeekend(date)) {
            violations.add(new Violation(
                    at + ".type",
                    "line " + number + ": " + date + " is a " + date.getDayOfWeek()
                            + "; a make-up working day is a Saturday or Sunday"));
        }
        return violations.size() == before ? new CalendarDay(date, type, occasion) : null;
    }

    private static LocalDate date(
            String text, int number, Integer year, Map<LocalDate, Integer> seen, List<Violation> violations) {
        String at = "lines[" + number + "].date";
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(
                    new Violation(at, "line " + number + ": '" + shortened(text) + "' is not a date like 2027-01-01"));
            return null;
        }
        if (year != null && date.getYear() != year) {
            violations.add(new Violation(at, "line " + number + ": " + date + " is not in " + year));
            return null;
        }
        Integer earlier = seen.putIfAbsent(date, number);
        if (earlier != null) {
            violations.add(
                    new Violation(at, "line " + number + ": " + date + " is listed on line " + earlier + " too"));
            return null;
        }
        return date;
    }

    private static CalendarDay.Type type(String text, int number, List<Violation> violations) {
        try {
            return CalendarDay.Type.valueOf(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(
                    "lines[" + number + "].type",
                    "line " + number + ": '" + shortened(text) + "' is not HOLIDAY or MAKEUP_WORKDAY"));
            return null;
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** What the client sent, echoed in a problem but never at length. */
    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
