package cn.jxquality.cases.reward;

/** An approval of a kind the reward already has (409). */
public final class RewardAlreadyApprovedException extends RewardRefusedException {

    public RewardAlreadyApprovedException(String message) {
        super(Refusal.CONFLICT, message);
    }
}
