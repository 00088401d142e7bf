package cn.jxquality.cases.risk;

import java.time.LocalDate;

/**
 * When complaints about one enterprise or one category in one city are a risk: the cases received in the window
 * (the last {@code windowDays} Beijing days, today included) reach {@code max(minCount, factor × baseline)}, the
 * baseline being the mean count of the {@code baselineWindows} windows of the same length just before it. The
 * floor keeps a quiet key (baseline near zero) from alerting on one or two cases. Framework-free.
 */
public record RiskRule(int windowDays, int baselineWindows, int minCount, double factor) {

    public RiskRule {
        if (windowDays < 1 || baselineWindows < 1 || minCount < 1 || factor < 1) {
            throw new IllegalArgumentException("a risk rule needs windowDays, baselineWindows and minCount >= 1 and"
                    + " factor >= 1: " + windowDays + ", " + baselineWindows + ", " + minCount + ", " + factor);
        }
    }

    /** The days a scan on {@code today} compares: the window ending today and the baseline weeks before it. */
    public RiskWindow windowEndingOn(LocalDate today) {
        LocalDate start = today.minusDays(windowDays - 1L);
        return new RiskWindow(start.minusDays((long) windowDays * baselineWindows), start, today);
    }

    /** The mean count of the baseline windows, from their total. */
    public double baselinePerWindow(long baselineTotal) {
        return (double) baselineTotal / baselineWindows;
    }

    /** The count a window must reach to raise an alert over this baseline. */
    public double threshold(double baselinePerWindow) {
        return Math.max(minCount, factor * baselinePerWindow);
    }

    public boolean alerts(long count, double baselinePerWindow) {
        return count >= threshold(baselinePerWindow);
    }

    /**
     * The days of one scan, inclusive: the baseline runs from {@code baselineStart} to the day before {@code
     * windowStart}, the window from {@code windowStart} to {@code lastDay}.
     */
    public record RiskWindow(LocalDate baselineStart, LocalDate windowStart, LocalDate lastDay) {}
}
