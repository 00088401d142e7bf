package cn.jxquality.cases.reward;

/** A claim after the claim window's last day, or of an expired reward (409). */
public final class ClaimWindowClosedException extends RewardRefusedException {

    public ClaimWindowClosedException(String message) {
        super(Refusal.CONFLICT, message);
    }
}
