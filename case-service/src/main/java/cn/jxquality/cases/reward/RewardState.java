package cn.jxquality.cases.reward;

/** Where a reward stands (DESIGN §5). */
public enum RewardState {
    PROPOSED,
    APPROVED,
    REJECTED,
    NOTIFIED,
    CLAIMED,
    PAID,
    EXPIRED
}
