package cn.jxquality.cases.reward;

import java.math.BigDecimal;

/**
 * Computes a reward in integer fen from the seeded rules, in the seeded order: the level's share of fines plus
 * confiscations (computed exactly, rounded to whole fen with the seeded rounding, {@code HALF_UP}: 1234.5 fen →
 * 1235), then the level's minimum, then the insider uplift (rounded the same way), then the cap per case.
 * Finance must approve too at or above the threshold, and whenever the insider uplift applies.
 */
public final class RewardCalculator {

    private static final BigDecimal WHOLE = BigDecimal.valueOf(RewardRules.WHOLE_BASIS_POINTS);

    private final RewardRules rules;

    public RewardCalculator(RewardRules rules) {
        this.rules = rules;
    }

    public RewardAmount compute(int level, Penalty penalty, boolean insider) {
        if (penalty == null) {
            throw new InvalidRewardInputException("penalty", "is required");
        }
        RewardLevel rule = rules.level(level)
                .orElseThrow(() -> new InvalidRewardInputException(
                        "level", "must be 1 to " + rules.levels().size() + ", was " + level));
        BigDecimal share = portion(BigDecimal.valueOf(penalty.baseFen()), rule.shareBasisPoints());
        BigDecimal minimum = BigDecimal.valueOf(rule.minimumFen());
        boolean minimumApplied = share.compareTo(minimum) < 0;
        BigDecimal amount = minimumApplied ? minimum : share;
        if (insider) {
            amount = portion(amount, RewardRules.WHOLE_BASIS_POINTS + rules.insiderUpliftBasisPoints());
        }
        BigDecimal cap = BigDecimal.valueOf(rules.capPerCaseFen());
        boolean capped = amount.compareTo(cap) > 0;
        long amountFen = (capped ? cap : amount).longValueExact();
        boolean major = penalty.referredToJudiciary() || penalty.baseFen() >= rules.majorViolationThresholdFen();
        return new RewardAmount(
                level,
                penalty.baseFen(),
                amountFen,
                minimumApplied,
                insider,
                capped,
                insider || amountFen >= rules.financeApprovalThresholdFen(),
                !major);
    }

    private BigDecimal portion(BigDecimal amount, int basisPoints) {
        return amount.multiply(BigDecimal.valueOf(basisPoints)).divide(WHOLE, 0, rules.rounding());
    }
}
