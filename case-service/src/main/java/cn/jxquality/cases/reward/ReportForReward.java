package cn.jxquality.cases.reward;

import cn.jxquality.cases.handling.Outcome;
import java.time.Instant;
import java.util.Set;

/**
 * A report as the reward rules see it: the violation it is about (enterprise credit code and penalty decision
 * number), when it was received, how its case ended ({@code null} while it has not), and the reviewer's findings
 * about the reporter. No personal data: the reporter's identity stays with the claim.
 */
public record ReportForReward(
        String reportId,
        String enterpriseCreditCode,
        String penaltyDecisionNumber,
        Instant receivedAt,
        Outcome outcome,
        boolean rewardRequested,
        boolean naturalPerson,
        boolean insider,
        Set<ExclusionReason> exclusions) {

    public ReportForReward {
        required("reportId", reportId);
        required("enterpriseCreditCode", enterpriseCreditCode);
        required("penaltyDecisionNumber", penaltyDecisionNumber);
        if (receivedAt == null) {
            throw new InvalidRewardInputException("receivedAt", "is required");
        }
        if (exclusions == null) {
            throw new InvalidRewardInputException("exclusions", "is required (empty when none applies)");
        }
        exclusions = Set.copyOf(exclusions);
        if (insider && exclusions.contains(ExclusionReason.VIOLATOR_NOT_INSIDER)) {
            throw new InvalidRewardInputException(
                    "exclusions", "VIOLATOR_NOT_INSIDER contradicts insider = true for report " + reportId);
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRewardInputException(field, "is required");
        }
    }
}
