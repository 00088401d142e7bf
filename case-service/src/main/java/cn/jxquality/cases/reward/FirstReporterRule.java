package cn.jxquality.cases.reward;

import cn.jxquality.cases.handling.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Eligibility and the first-reporter rule of DESIGN §5 over the reports about one violation (same enterprise
 * credit code and penalty decision number). A report is valid when a reward was requested, its case ended
 * SUBSTANTIATED or REFERRED_TO_JUDICIARY, the reporter is a natural person and no seeded exclusion applies.
 * Only the earliest valid report is rewarded, together with every valid report received on the same Beijing
 * (Asia/Shanghai) day: they split the reward equally in whole fen, and the remainder fen go one each to the
 * earliest of them (by receipt instant, then by report id), so the shares always add up to the reward.
 */
public final class FirstReporterRule {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Set<Outcome> REWARDABLE = EnumSet.of(Outcome.SUBSTANTIATED, Outcome.REFERRED_TO_JUDICIARY);
    private static final Comparator<ReportForReward> RECEIPT_ORDER =
            Comparator.comparing(ReportForReward::receivedAt).thenComparing(ReportForReward::reportId);

    private final RewardRules rules;

    public FirstReporterRule(RewardRules rules) {
        this.rules = rules;
    }

    /** The first instant of the Beijing day after the one {@code at} falls on: "on or before its day" is before it. */
    public static Instant endOfDay(Instant at) {
        return at.atZone(BEIJING)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(BEIJING)
                .toInstant();
    }

    /** The verdict on each report, in receipt order, sharing {@code rewardFen} among the first reporters. */
    public List<RewardVerdict> decide(List<ReportForReward> reports, long rewardFen) {
        checkOneViolation(reports);
        if (rewardFen < 0) {
            throw new InvalidRewardInputException("rewardFen", "must not be negative");
        }
        List<ReportForReward> inOrder = reports.stream().sorted(RECEIPT_ORDER).toList();
        List<ReportForReward> first = firstReporters(inOrder);
        List<RewardVerdict> verdicts = new ArrayList<>();
        for (ReportForReward report : inOrder) {
            int rank = first.indexOf(report);
            if (rank >= 0) {
                long share = rewardFen / first.size() + (rank < rewardFen % first.size() ? 1 : 0);
                verdicts.add(new RewardVerdict(report.reportId(), share, Set.of(), Set.of()));
            } else {
                verdicts.add(refused(report));
            }
        }
        return List.copyOf(verdicts);
    }

    private List<ReportForReward> firstReporters(List<ReportForReward> inOrder) {
        List<ReportForReward> valid =
                inOrder.stream().filter(report -> reasons(report).isEmpty()).toList();
        if (valid.isEmpty()) {
            return List.of();
        }
        LocalDate firstDay = dayOf(valid.get(0));
        return valid.stream().filter(report -> dayOf(report).equals(firstDay)).toList();
    }

    private RewardVerdict refused(ReportForReward report) {
        Set<Ineligibility> reasons = reasons(report);
        if (reasons.isEmpty()) {
            reasons = Set.of(Ineligibility.NOT_FIRST_REPORTER);
        }
        return new RewardVerdict(report.reportId(), 0, reasons, applyingExclusions(report));
    }

    private Set<Ineligibility> reasons(ReportForReward report) {
        Set<Ineligibility> reasons = EnumSet.noneOf(Ineligibility.class);
        if (!report.rewardRequested()) {
            reasons.add(Ineligibility.REWARD_NOT_REQUESTED);
        }
        if (report.outcome() == null || !REWARDABLE.contains(report.outcome())) {
            reasons.add(Ineligibility.OUTCOME_NOT_REWARDABLE);
        }
        if (!report.naturalPerson()) {
            reasons.add(Ineligibility.NOT_A_NATURAL_PERSON);
        }
        if (!applyingExclusions(report).isEmpty()) {
            reasons.add(Ineligibility.EXCLUDED);
        }
        return reasons;
    }

    private Set<ExclusionReason> applyingExclusions(ReportForReward report) {
        Set<ExclusionReason> applying = EnumSet.noneOf(ExclusionReason.class);
        report.exclusions().stream().filter(rules.exclusions()::contains).forEach(applying::add);
        return applying;
    }

    private static LocalDate dayOf(ReportForReward report) {
        return report.receivedAt().atZone(BEIJING).toLocalDate();
    }

    private static void checkOneViolation(List<ReportForReward> reports) {
        if (reports == null || reports.isEmpty()) {
            throw new InvalidRewardInputException("reports", "at least one report is required");
        }
        if (reports.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRewardInputException("reports", "must not hold null");
        }
        ReportForReward any = reports.get(0);
        Set<String> ids = new HashSet<>();
        for (ReportForReward report : reports) {
            if (!report.enterpriseCreditCode().equals(any.enterpriseCreditCode())) {
                throw new InvalidRewardInputException("enterpriseCreditCode", "all reports must name one enterprise");
            }
            if (!report.penaltyDecisionNumber().equals(any.penaltyDecisionNumber())) {
                throw new InvalidRewardInputException(
                        "penaltyDecisionNumber", "all reports must be about one penalty decision");
            }
            if (!ids.add(report.reportId())) {
                throw new InvalidRewardInputException("reportId", "report " + report.reportId() + " appears twice");
            }
        }
    }
}
