package cn.jxquality.cases.reward;

import java.util.Set;

/**
 * The decision on one report: its share of the reward in fen, or why it gets none ({@code reasons}, and the
 * seeded exclusions that applied when {@code EXCLUDED} is among them).
 */
public record RewardVerdict(
        String reportId, long shareFen, Set<Ineligibility> reasons, Set<ExclusionReason> exclusionsApplied) {

    public RewardVerdict {
        reasons = Set.copyOf(reasons);
        exclusionsApplied = Set.copyOf(exclusionsApplied);
    }

    public boolean rewarded() {
        return reasons.isEmpty();
    }
}
