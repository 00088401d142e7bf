package cn.jxquality.cases.reward;

/** A person deciding on a reward they proposed or already approved (403): every approval is another person's. */
public final class FourEyesViolationException extends RewardRefusedException {

    public FourEyesViolationException(String message) {
        super(Refusal.FORBIDDEN, message);
    }
}
