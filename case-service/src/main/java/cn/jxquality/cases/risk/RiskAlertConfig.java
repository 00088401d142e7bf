package cn.jxquality.cases.risk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The risk alert rule ({@link RiskRule}) and its scan. */
@ConfigMapping(prefix = "risk-alerts")
public interface RiskAlertConfig {

    /** Beijing days in the window compared with the baseline, today included. */
    @WithDefault("7")
    int windowDays();

    /** How many windows of the same length before the window make the baseline (their mean). */
    @WithDefault("8")
    int baselineWindows();

    /** The fewest cases in a window that raise an alert, however low the baseline. */
    @WithDefault("5")
    int minCount();

    /** How many times the baseline per window the window's count must reach. */
    @WithDefault("3")
    double factor();

    /** How often the scan runs ({@code off} to stop it). */
    @WithDefault("15m")
    String scanEvery();

    default RiskRule rule() {
        return new RiskRule(windowDays(), baselineWindows(), minCount(), factor());
    }
}
