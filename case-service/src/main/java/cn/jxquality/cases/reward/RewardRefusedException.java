package cn.jxquality.cases.reward;

/**
 * A reward step or input the rules refuse; nothing has changed. {@link #refusal()} says how an API answers it:
 * {@code INVALID} 400, {@code FORBIDDEN} 403, {@code CONFLICT} 409.
 */
public abstract sealed class RewardRefusedException extends RuntimeException
        permits InvalidRewardInputException,
                FourEyesViolationException,
                RewardAlreadyApprovedException,
                IllegalRewardTransitionException,
                ClaimWindowClosedException,
                RewardNotPayableException,
                RewardAlreadyPaidException {

    /** The kind of refusal, for the mapping to a status. */
    public enum Refusal {
        INVALID,
        FORBIDDEN,
        CONFLICT
    }

    private final Refusal refusal;

    RewardRefusedException(Refusal refusal, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
