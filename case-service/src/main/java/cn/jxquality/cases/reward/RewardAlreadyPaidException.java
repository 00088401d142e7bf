package cn.jxquality.cases.reward;

/** A second payout of a paid reward (409): a reward is paid exactly once. */
public final class RewardAlreadyPaidException extends RewardRefusedException {

    public RewardAlreadyPaidException(String message) {
        super(Refusal.CONFLICT, message);
    }
}
