package cn.jxquality.cases.reward;

/** A missing, negative, overflowing or contradictory input (400); names the field. */
public final class InvalidRewardInputException extends RewardRefusedException {

    private final String field;

    public InvalidRewardInputException(String field, String message) {
        super(Refusal.INVALID, field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
