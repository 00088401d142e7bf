package cn.jxquality.cases.statistics;

import cn.jxquality.platform.problem.ClientTime;
import cn.jxquality.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A range of Beijing days a statistics query asks for, {@code from} and {@code to} inclusive, read from the query's
 * parameters by the same rules for every statistics endpoint: {@code to} defaults to today, {@code from} to {@code
 * defaultDays} days ending on {@code to}; {@code from} after {@code to} or a range over {@code maxDays} is a 400 naming
 * the parameter.
 */
public record StatsRange(LocalDate from, LocalDate to) {

    /** The days a summary covers when {@code from} is not given. */
    static final int SUMMARY_DEFAULT_DAYS = 30;

    /** The most days a summary may cover. */
    static final int SUMMARY_MAX_DAYS = 366;

    /** A summary's range: by default the last 30 days, at most 366. */
    public static StatsRange summary(String from, String to) {
        return of(from, to, SUMMARY_DEFAULT_DAYS, SUMMARY_MAX_DAYS);
    }

    public static StatsRange of(String from, String to, int defaultDays, int maxDays) {
        LocalDate end = ClientTime.date("to", to, CaseStatistics.day(Instant.now()));
        LocalDate start = ClientTime.date("from", from, end.minusDays(defaultDays - 1L));
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= maxDays) {
            throw ProblemException.invalid("to", "the range may span at most " + maxDays + " days");
        }
        return new StatsRange(start, end);
    }

    /** The first instant of the range (Beijing midnight of {@code from}). */
    public Instant start() {
        return from.atStartOfDay(CaseStatistics.BEIJING).toInstant();
    }

    /** The first instant after the range (Beijing midnight after {@code to}). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(CaseStatistics.BEIJING).toInstant();
    }
}
