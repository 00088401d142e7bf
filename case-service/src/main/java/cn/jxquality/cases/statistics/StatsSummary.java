package cn.jxquality.cases.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What supervisors read for a range of Beijing days: cases received and decided (resolved or refused), the
 * share decided within every legal deadline, the median handling time, the satisfaction index from follow-up
 * ratings (0–100, from the average rating 1–5), counts per outcome and per department, category and region,
 * and the enterprises' credit record (Outline §22): those with the most substantiated reports and those that let
 * the most complaints sent to them first (ODR) lapse unanswered, each with both counts. Rates are null when nothing
 * was decided or rated.
 */
public record StatsSummary(
        LocalDate from,
        LocalDate to,
        long received,
        long decided,
        Double onTimeRate,
        Integer medianHandlingDays,
        long ratings,
        Double averageRating,
        Double satisfactionIndex,
        Map<String, Long> byOutcome,
        List<Group> byDepartment,
        List<Group> byCategory,
        List<Group> byRegion,
        List<Enterprise> mostSubstantiated,
        List<Enterprise> mostLapsedOdr) {

    /**
     * The figures of one department, category or region, with its own satisfaction index and the number of ratings
     * it stands on (an index of two ratings says less than one of two hundred).
     */
    public record Group(
            String key,
            long received,
            long decided,
            Double onTimeRate,
            long ratings,
            Double averageRating,
            Double satisfactionIndex) {

        static Group of(String key, long received, long decided, Double onTimeRate, long ratingSum, long ratings) {
            return new Group(
                    key,
                    received,
                    decided,
                    onTimeRate,
                    ratings,
                    average(ratingSum, ratings),
                    index(ratingSum, ratings));
        }
    }

    /**
     * An enterprise by unified social credit code: its substantiated reports decided in the range, and the complaints
     * sent to it first (ODR) that it let lapse in the range (no answer within its 10 working days).
     */
    public record Enterprise(String creditCode, long substantiated, long lapsedOdr) {}

    /** {@code part / whole} to four decimals; null when {@code whole} is 0. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    /**
     * The satisfaction index 0–100 of ratings 1–5 (an average of 1 → 0, of 5 → 100), two decimals, from the ratings
     * themselves, not from their rounded average (ratings 5, 4, 1 are 58.33, not the 58.25 of 3.33); null without any.
     */
    static Double index(long ratingSum, long ratings) {
        return ratings == 0 ? null : Math.round((ratingSum - ratings) * 2500.0 / ratings) / 100.0;
    }

    static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
    }

    /** The median of a histogram of handling days (lower median for an even count), or null when empty. */
    static Integer median(List<long[]> daysAndCases) {
        long total = daysAndCases.stream().mapToLong(row -> row[1]).sum();
        if (total == 0) {
            return null;
        }
        long half = (total + 1) / 2;
        long seen = 0;
        for (long[] row : daysAndCases) {
            seen += row[1];
            if (seen >= half) {
                return (int) row[0];
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
