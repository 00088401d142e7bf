package cn.jxquality.cases.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskRuleTest {

    private final RiskRule rule = new RiskRule(7, 8, 5, 3);

    @Test
    void theWindowIsTheLastSevenDaysAndTheBaselineTheEightWeeksBeforeIt() {
        RiskRule.RiskWindow window = rule.windowEndingOn(LocalDate.of(2026, 11, 26));
        assertEquals(LocalDate.of(2026, 11, 20), window.windowStart());
        assertEquals(LocalDate.of(2026, 11, 26), window.lastDay());
        assertEquals(LocalDate.of(2026, 9, 25), window.baselineStart());
        assertEquals(
                56, window.windowStart().toEpochDay() - window.baselineStart().toEpochDay());
    }

    @Test
    void theWindowCrossesTheYearAndTheSpringFestivalLikeAnyOtherDays() {
        RiskRule.RiskWindow window = rule.windowEndingOn(LocalDate.of(2027, 1, 3));
        assertEquals(LocalDate.of(2026, 12, 28), window.windowStart());
        assertEquals(LocalDate.of(2026, 11, 2), window.baselineStart());
    }

    @Test
    void theBaselineIsTheMeanPerWindow() {
        assertEquals(2.5, rule.baselinePerWindow(20));
        assertEquals(0.0, rule.baselinePerWindow(0));
    }

    @ParameterizedTest(name = "{0} cases over a baseline of {1} per window: alert {2}")
    @CsvSource({
        "4, 0, false", // below the floor of five, however quiet the key was
        "5, 0, true", // the floor
        "5, 1.5, true", // 3 x 1.5 = 4.5 < 5: the floor decides
        "5, 1.75, false", // 3 x 1.75 = 5.25
        "6, 2, true", // exactly three times the baseline
        "5, 2, false",
        "29, 10, false",
        "30, 10, true",
        "1000, 400, false" // a busy key alerts on a tripling, not on its usual volume
    })
    void aWindowAlertsWhenItReachesThreeTimesItsBaselineAndAtLeastFive(long count, double baseline, boolean alerts) {
        assertEquals(alerts, rule.alerts(count, baseline));
    }

    @Test
    void thresholdsComeFromTheConfiguration() {
        RiskRule strict = new RiskRule(14, 4, 10, 2);
        assertEquals(
                LocalDate.of(2026, 11, 13),
                strict.windowEndingOn(LocalDate.of(2026, 11, 26)).windowStart());
        assertEquals(
                LocalDate.of(2026, 9, 18),
                strict.windowEndingOn(LocalDate.of(2026, 11, 26)).baselineStart());
        assertTrue(strict.alerts(10, 4));
        assertFalse(strict.alerts(9, 0));
        assertFalse(strict.alerts(11, 6));
    }

    @Test
    void aRuleThatCouldNeverOrAlwaysFireIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RiskRule(0, 8, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new RiskRule(7, 0, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new RiskRule(7, 8, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new RiskRule(7, 8, 5, 0.5));
    }
}
