package cn.jxquality.cases.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.handling.Outcome;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FirstReporterRuleTest {

    static final FirstReporterRule RULE = new FirstReporterRule(SeededRewardRules.RULES);
    static final String CREDIT_CODE = "91360100MA35XXXX1K";
    static final String DECISION = "赣洪市监处罚〔2026〕88号";
    static final long REWARD = 500_000;

    static ReportForReward valid(String id, String receivedAt) {
        return new ReportForReward(
                id,
                CREDIT_CODE,
                DECISION,
                Instant.parse(receivedAt),
                Outcome.SUBSTANTIATED,
                true,
                true,
                false,
                Set.of());
    }

    static Map<String, RewardVerdict> byId(List<RewardVerdict> verdicts) {
        return verdicts.stream().collect(Collectors.toMap(RewardVerdict::reportId, Function.identity()));
    }

    @Test
    void aSingleValidReportTakesTheWholeReward() {
        List<RewardVerdict> verdicts = RULE.decide(List.of(valid("R1", "2026-03-02T02:00:00Z")), REWARD);
        assertEquals(List.of(new RewardVerdict("R1", REWARD, Set.of(), Set.of())), verdicts);
        assertTrue(verdicts.get(0).rewarded());
    }

    @Test
    void onlyTheEarliestDayIsRewarded() {
        Map<String, RewardVerdict> verdicts = byId(RULE.decide(
                List.of(valid("LATER", "2026-03-03T02:00:00Z"), valid("FIRST", "2026-03-02T09:00:00Z")), REWARD));
        assertEquals(REWARD, verdicts.get("FIRST").shareFen());
        assertEquals(0, verdicts.get("LATER").shareFen());
        assertEquals(
                Set.of(Ineligibility.NOT_FIRST_REPORTER), verdicts.get("LATER").reasons());
    }

    @Test
    void verdictsComeInReceiptOrder() {
        List<RewardVerdict> verdicts = RULE.decide(
                List.of(
                        valid("C", "2026-03-04T02:00:00Z"),
                        valid("A", "2026-03-02T02:00:00Z"),
                        valid("B", "2026-03-03T02:00:00Z")),
                REWARD);
        assertEquals(
                List.of("A", "B", "C"),
                verdicts.stream().map(RewardVerdict::reportId).toList());
    }

    @Test
    void reportsOfTheSameBeijingDaySplitEqually() {
        Map<String, RewardVerdict> verdicts = byId(RULE.decide(
                List.of(
                        valid("MORNING", "2026-03-02T00:30:00Z"), // 08:30 Beijing
                        valid("NIGHT", "2026-03-02T15:59:59Z"), // 23:59:59 Beijing, same day
                        valid("NEXT_DAY", "2026-03-02T16:00:00Z")), // 00:00 Beijing, 3 March
                REWARD));
        assertEquals(250_000, verdicts.get("MORNING").shareFen());
        assertEquals(250_000, verdicts.get("NIGHT").shareFen());
        assertEquals(
                Set.of(Ineligibility.NOT_FIRST_REPORTER),
                verdicts.get("NEXT_DAY").reasons());
    }

    @Test
    void theSameUtcDayIsNotEnoughItIsTheBeijingDayThatCounts() {
        Map<String, RewardVerdict> verdicts = byId(RULE.decide(
                List.of(valid("EARLY", "2026-03-02T15:00:00Z"), valid("LATE", "2026-03-02T17:00:00Z")), REWARD));
        assertEquals(REWARD, verdicts.get("EARLY").shareFen());
        assertEquals(0, verdicts.get("LATE").shareFen());
    }

    @Test
    void theRemainderFenGoOneEachToTheEarliestOfTheDay() {
        List<RewardVerdict> verdicts = RULE.decide(
                List.of(
                        valid("THIRD", "2026-03-02T05:00:00Z"),
                        valid("FIRST", "2026-03-02T01:00:00Z"),
                        valid("SECOND", "2026-03-02T03:00:00Z")),
                100_001);
        assertEquals(
                List.of(33_334L, 33_334L, 33_333L),
                verdicts.stream().map(RewardVerdict::shareFen).toList());
        assertEquals(
                List.of("FIRST", "SECOND", "THIRD"),
                verdicts.stream().map(RewardVerdict::reportId).toList());
    }

    @Test
    void reportsReceivedAtTheSameInstantAreOrderedByReportId() {
        List<RewardVerdict> verdicts =
                RULE.decide(List.of(valid("R-B", "2026-03-02T01:00:00Z"), valid("R-A", "2026-03-02T01:00:00Z")), 3);
        assertEquals(
                List.of("R-A", "R-B"),
                verdicts.stream().map(RewardVerdict::reportId).toList());
        assertEquals(
                List.of(2L, 1L), verdicts.stream().map(RewardVerdict::shareFen).toList());
    }

    @Test
    void theSharesAlwaysAddUpToTheReward() {
        for (int reporters = 1; reporters <= 7; reporters++) {
            List<ReportForReward> reports = new ArrayList<>();
            for (int i = 0; i < reporters; i++) {
                reports.add(valid("R" + i, "2026-03-02T0" + i + ":00:00Z"));
            }
            for (long reward : new long[] {0, 1, 6, 100_000, 100_003, 99_999_999, 100_000_000}) {
                List<RewardVerdict> verdicts = RULE.decide(reports, reward);
                assertEquals(
                        reward,
                        verdicts.stream().mapToLong(RewardVerdict::shareFen).sum());
                long most = verdicts.stream()
                        .mapToLong(RewardVerdict::shareFen)
                        .max()
                        .orElseThrow();
                long least = verdicts.stream()
                        .mapToLong(RewardVerdict::shareFen)
                        .min()
                        .orElseThrow();
                assertTrue(most - least <= 1, reporters + " reporters of " + reward);
            }
        }
    }

    @Test
    void anEarlierInvalidReportDoesNotBlockTheFirstValidOne() {
        ReportForReward earlierStaff = new ReportForReward(
                "STAFF",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-01T02:00:00Z"),
                Outcome.SUBSTANTIATED,
                true,
                true,
                false,
                Set.of(ExclusionReason.STAFF));
        Map<String, RewardVerdict> verdicts =
                byId(RULE.decide(List.of(earlierStaff, valid("CITIZEN", "2026-03-05T02:00:00Z")), REWARD));
        assertEquals(REWARD, verdicts.get("CITIZEN").shareFen());
        assertEquals(Set.of(Ineligibility.EXCLUDED), verdicts.get("STAFF").reasons());
        assertEquals(Set.of(ExclusionReason.STAFF), verdicts.get("STAFF").exclusionsApplied());
    }

    @Test
    void anInvalidReportOfTheFirstDayTakesNoShare() {
        ReportForReward unrequested = new ReportForReward(
                "QUIET",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.SUBSTANTIATED,
                false,
                true,
                false,
                Set.of());
        Map<String, RewardVerdict> verdicts =
                byId(RULE.decide(List.of(unrequested, valid("ASKED", "2026-03-02T05:00:00Z")), REWARD));
        assertEquals(REWARD, verdicts.get("ASKED").shareFen());
        assertEquals(
                Set.of(Ineligibility.REWARD_NOT_REQUESTED),
                verdicts.get("QUIET").reasons());
    }

    @ParameterizedTest(name = "excluded: {0}")
    @EnumSource(ExclusionReason.class)
    void eachSeededExclusionBarsTheReporter(ExclusionReason reason) {
        ReportForReward excluded = new ReportForReward(
                "X",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.SUBSTANTIATED,
                true,
                true,
                false,
                Set.of(reason));
        RewardVerdict verdict = RULE.decide(List.of(excluded), REWARD).get(0);
        assertFalse(verdict.rewarded());
        assertEquals(0, verdict.shareFen());
        assertEquals(Set.of(Ineligibility.EXCLUDED), verdict.reasons());
        assertEquals(Set.of(reason), verdict.exclusionsApplied());
    }

    @Test
    void anExclusionTheRulesDoNotListDoesNotBar() {
        RewardRules withoutPaidReporters = new RewardRules(
                "CNY",
                SeededRewardRules.RULES.levels(),
                100_000_000L,
                50_000_000L,
                10_000_000L,
                5_000,
                30,
                RoundingMode.HALF_UP,
                EnumSet.complementOf(EnumSet.of(ExclusionReason.PAID_REPORTER)));
        ReportForReward paid = new ReportForReward(
                "PAID",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.SUBSTANTIATED,
                true,
                true,
                false,
                Set.of(ExclusionReason.PAID_REPORTER));
        assertTrue(new FirstReporterRule(withoutPaidReporters)
                .decide(List.of(paid), REWARD)
                .get(0)
                .rewarded());
    }

    @Test
    void anInsiderViolatorIsRewarded() {
        ReportForReward insider = new ReportForReward(
                "INSIDER",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.SUBSTANTIATED,
                true,
                true,
                true,
                Set.of());
        assertTrue(RULE.decide(List.of(insider), REWARD).get(0).rewarded());
    }

    @Test
    void anInsiderCannotAlsoBeAViolatorWhoIsNotOne() {
        InvalidRewardInputException e = assertThrows(
                InvalidRewardInputException.class,
                () -> new ReportForReward(
                        "R",
                        CREDIT_CODE,
                        DECISION,
                        Instant.parse("2026-03-02T01:00:00Z"),
                        Outcome.SUBSTANTIATED,
                        true,
                        true,
                        true,
                        Set.of(ExclusionReason.VIOLATOR_NOT_INSIDER)));
        assertEquals("exclusions", e.field());
    }

    @Test
    void onlyNaturalPersonsAreRewarded() {
        ReportForReward company = new ReportForReward(
                "CO",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.SUBSTANTIATED,
                true,
                false,
                false,
                Set.of());
        assertEquals(
                Set.of(Ineligibility.NOT_A_NATURAL_PERSON),
                RULE.decide(List.of(company), REWARD).get(0).reasons());
    }

    @ParameterizedTest(name = "outcome {0}")
    @EnumSource(Outcome.class)
    void onlySubstantiatedOrReferredCasesAreRewarded(Outcome outcome) {
        ReportForReward report = new ReportForReward(
                "R",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                outcome,
                true,
                true,
                false,
                Set.of());
        boolean rewardable = outcome == Outcome.SUBSTANTIATED || outcome == Outcome.REFERRED_TO_JUDICIARY;
        RewardVerdict verdict = RULE.decide(List.of(report), REWARD).get(0);
        assertEquals(rewardable, verdict.rewarded());
        assertEquals(rewardable ? REWARD : 0, verdict.shareFen());
        if (!rewardable) {
            assertEquals(Set.of(Ineligibility.OUTCOME_NOT_REWARDABLE), verdict.reasons());
        }
    }

    @Test
    void aCaseNotEndedYetIsNotRewarded() {
        ReportForReward open = new ReportForReward(
                "OPEN",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                null,
                true,
                true,
                false,
                Set.of());
        assertEquals(
                Set.of(Ineligibility.OUTCOME_NOT_REWARDABLE),
                RULE.decide(List.of(open), REWARD).get(0).reasons());
    }

    @Test
    void everyReasonIsListed() {
        ReportForReward hopeless = new ReportForReward(
                "H",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.UNSUBSTANTIATED,
                false,
                false,
                false,
                Set.of(ExclusionReason.PAID_REPORTER, ExclusionReason.STAFF));
        RewardVerdict verdict = RULE.decide(List.of(hopeless), REWARD).get(0);
        assertEquals(
                EnumSet.of(
                        Ineligibility.REWARD_NOT_REQUESTED,
                        Ineligibility.OUTCOME_NOT_REWARDABLE,
                        Ineligibility.NOT_A_NATURAL_PERSON,
                        Ineligibility.EXCLUDED),
                verdict.reasons());
        assertEquals(Set.of(ExclusionReason.PAID_REPORTER, ExclusionReason.STAFF), verdict.exclusionsApplied());
    }

    @Test
    void noValidReportMeansNobodyIsRewarded() {
        ReportForReward unrequested = new ReportForReward(
                "Q",
                CREDIT_CODE,
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.SUBSTANTIATED,
                false,
                true,
                false,
                Set.of());
        assertEquals(0, RULE.decide(List.of(unrequested), REWARD).get(0).shareFen());
    }

    @Test
    void reportsAboutAnotherEnterpriseAreRefused() {
        ReportForReward other = new ReportForReward(
                "O",
                "91360700MA35YYYY2L",
                DECISION,
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.SUBSTANTIATED,
                true,
                true,
                false,
                Set.of());
        InvalidRewardInputException e = assertThrows(
                InvalidRewardInputException.class,
                () -> RULE.decide(List.of(valid("R", "2026-03-02T01:00:00Z"), other), REWARD));
        assertEquals("enterpriseCreditCode", e.field());
    }

    @Test
    void reportsAboutAnotherPenaltyDecisionAreRefused() {
        ReportForReward other = new ReportForReward(
                "O",
                CREDIT_CODE,
                "赣洪市监处罚〔2026〕89号",
                Instant.parse("2026-03-02T01:00:00Z"),
                Outcome.SUBSTANTIATED,
                true,
                true,
                false,
                Set.of());
        InvalidRewardInputException e = assertThrows(
                InvalidRewardInputException.class,
                () -> RULE.decide(List.of(valid("R", "2026-03-02T01:00:00Z"), other), REWARD));
        assertEquals("penaltyDecisionNumber", e.field());
    }

    @Test
    void badListsAndAmountsAreRefusedNamingTheField() {
        ReportForReward report = valid("R", "2026-03-02T01:00:00Z");
        assertEquals(
                "reports",
                assertThrows(InvalidRewardInputException.class, () -> RULE.decide(List.of(), 1))
                        .field());
        assertEquals(
                "reports",
                assertThrows(InvalidRewardInputException.class, () -> RULE.decide(null, 1))
                        .field());
        assertEquals(
                "reportId",
                assertThrows(InvalidRewardInputException.class, () -> RULE.decide(List.of(report, report), 1))
                        .field());
        assertEquals(
                "rewardFen",
                assertThrows(InvalidRewardInputException.class, () -> RULE.decide(List.of(report), -1))
                        .field());
    }

    @Test
    void aReportWithoutItsFactsIsRefusedNamingTheField() {
        Instant at = Instant.parse("2026-03-02T01:00:00Z");
        Outcome ok = Outcome.SUBSTANTIATED;
        assertField(
                "reportId", () -> new ReportForReward(" ", CREDIT_CODE, DECISION, at, ok, true, true, false, Set.of()));
        assertField(
                "enterpriseCreditCode",
                () -> new ReportForReward("R", null, DECISION, at, ok, true, true, false, Set.of()));
        assertField(
                "penaltyDecisionNumber",
                () -> new ReportForReward("R", CREDIT_CODE, "", at, ok, true, true, false, Set.of()));
        assertField(
                "receivedAt",
                () -> new ReportForReward("R", CREDIT_CODE, DECISION, null, ok, true, true, false, Set.of()));
        assertField(
                "exclusions", () -> new ReportForReward("R", CREDIT_CODE, DECISION, at, ok, true, true, false, null));
    }

    static void assertField(String field, org.junit.jupiter.api.function.Executable creation) {
        assertEquals(
                field, assertThrows(InvalidRewardInputException.class, creation).field());
    }
}
