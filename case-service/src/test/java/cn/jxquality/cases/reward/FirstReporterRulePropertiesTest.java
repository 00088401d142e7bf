package cn.jxquality.cases.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.handling.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The first-reporter rule over thousands of pseudo-random sets of reports about one violation, received around
 * Beijing midnights, valid or not; checked against a reading of the rule written independently (Beijing is
 * UTC+8 all year). Fixed seed, so a failure repeats; the message names the trial.
 */
class FirstReporterRulePropertiesTest {

    static final FirstReporterRule RULE = new FirstReporterRule(SeededRewardRules.RULES);
    static final Instant MIDNIGHT_IN_BEIJING = Instant.parse("2026-03-01T16:00:00Z");
    static final Outcome[] OUTCOMES = Outcome.values();
    static final ExclusionReason[] EXCLUSIONS = ExclusionReason.values();

    @Test
    void theRuleHoldsForRandomReports() {
        Random random = new Random(20_260_301L);
        for (int trial = 0; trial < 5_000; trial++) {
            List<ReportForReward> reports = reports(random);
            long reward = random.nextInt(4) == 0 ? random.nextInt(10) : 100_000 + random.nextInt(100_000_000);
            check(trial, reports, reward, RULE.decide(reports, reward));
        }
    }

    static List<ReportForReward> reports(Random random) {
        int count = 1 + random.nextInt(8);
        List<ReportForReward> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // within six hours either side of one of three Beijing midnights, to the minute (ties happen)
            long minutes = random.nextInt(3) * 1_440L + random.nextInt(720) - 360;
            boolean valid = random.nextInt(3) > 0;
            reports.add(new ReportForReward(
                    "R" + i,
                    "91360100MA35XXXX1K",
                    "赣洪市监处罚〔2026〕88号",
                    MIDNIGHT_IN_BEIJING.plusSeconds(minutes * 60),
                    valid || random.nextBoolean() ? Outcome.SUBSTANTIATED : OUTCOMES[random.nextInt(OUTCOMES.length)],
                    valid || random.nextBoolean(),
                    valid || random.nextBoolean(),
                    false,
                    valid || random.nextBoolean() ? Set.of() : Set.of(EXCLUSIONS[random.nextInt(EXCLUSIONS.length)])));
        }
        return reports;
    }

    static void check(int trial, List<ReportForReward> reports, long reward, List<RewardVerdict> verdicts) {
        String context = "trial " + trial;
        Map<String, ReportForReward> byId =
                reports.stream().collect(Collectors.toMap(ReportForReward::reportId, Function.identity()));
        assertEquals(
                byId.keySet(), verdicts.stream().map(RewardVerdict::reportId).collect(Collectors.toSet()));
        LocalDate firstDay = reports.stream()
                .filter(FirstReporterRulePropertiesTest::valid)
                .map(FirstReporterRulePropertiesTest::beijingDay)
                .min(LocalDate::compareTo)
                .orElse(null);
        long total = 0;
        long previousShare = Long.MAX_VALUE;
        Instant previousReceipt = Instant.MIN;
        for (RewardVerdict verdict : verdicts) {
            ReportForReward report = byId.get(verdict.reportId());
            assertTrue(!report.receivedAt().isBefore(previousReceipt), context + ": receipt order");
            previousReceipt = report.receivedAt();
            boolean first = valid(report) && beijingDay(report).equals(firstDay);
            assertEquals(first, verdict.rewarded(), context + ": " + verdict);
            if (first) {
                assertTrue(verdict.shareFen() <= previousShare, context + ": earlier reporters get the extra fen");
                previousShare = verdict.shareFen();
            } else {
                assertEquals(0, verdict.shareFen(), context + ": " + verdict);
                assertEquals(
                        valid(report), verdict.reasons().equals(EnumSet.of(Ineligibility.NOT_FIRST_REPORTER)), context);
            }
            total += verdict.shareFen();
        }
        long winners = verdicts.stream().filter(RewardVerdict::rewarded).count();
        assertEquals(winners == 0 ? 0 : reward, total, context + ": the shares add up to the reward");
        verdicts.stream()
                .filter(RewardVerdict::rewarded)
                .forEach(v -> assertTrue(Math.abs(v.shareFen() - reward / winners) <= 1, context + ": equal split"));
    }

    static boolean valid(ReportForReward report) {
        return report.rewardRequested()
                && report.naturalPerson()
                && report.exclusions().isEmpty()
                && (report.outcome() == Outcome.SUBSTANTIATED || report.outcome() == Outcome.REFERRED_TO_JUDICIARY);
    }

    static LocalDate beijingDay(ReportForReward report) {
        return report.receivedAt().atOffset(ZoneOffset.ofHours(8)).toLocalDate();
    }
}
