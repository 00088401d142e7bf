package cn.jxquality.cases.calendar;

import java.time.Instant;

/**
 * A year of the working-day calendar as the deadlines count it: {@code OFFICIAL} (the State Council's, from the
 * seeds or loaded by an administrator, who and when) or {@code PROVISIONAL} (Monday to Friday less the fixed
 * statutory days off, until its official calendar is loaded). Lists this year and the next even when provisional.
 */
public record CalendarYear(
        int year, Status status, Source source, Instant loadedAt, String loadedBy, int holidays, int makeUpWorkdays) {

    /** Whether the deadlines of the year count on the official calendar. */
    public enum Status {
        OFFICIAL,
        PROVISIONAL
    }

    /** Where an official year comes from. */
    public enum Source {
        SEEDS,
        LOADED
    }

    static CalendarYear provisional(int year) {
        return new CalendarYear(year, Status.PROVISIONAL, null, null, null, 0, 0);
    }
}
