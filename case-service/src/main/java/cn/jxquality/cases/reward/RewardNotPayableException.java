package cn.jxquality.cases.reward;

/** A payout for a rejected reward (409). */
public final class RewardNotPayableException extends RewardRefusedException {

    public RewardNotPayableException(String message) {
        super(Refusal.CONFLICT, message);
    }
}
