package cn.jxquality.cases.reward;

/**
 * A computed reward in fen and how it came about: whether the level's minimum, the insider uplift or the cap
 * decided it, whether finance must approve it too, and whether the case is below the major-violation threshold
 * (then the reviewer must record why it is rewarded anyway).
 */
public record RewardAmount(
        int level,
        long baseFen,
        long amountFen,
        boolean minimumApplied,
        boolean insiderUplift,
        boolean capped,
        boolean financeApprovalRequired,
        boolean belowMajorViolationThreshold) {}
