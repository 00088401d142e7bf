package cn.jxquality.cases.reward;

import java.util.Set;

/** An action the reward's state does not allow (409); names what would be allowed. */
public final class IllegalRewardTransitionException extends RewardRefusedException {

    private final transient Set<RewardAction> allowed;

    public IllegalRewardTransitionException(RewardAction action, RewardState state, Set<RewardAction> allowed) {
        this("A reward in state " + state + " cannot be " + action.pastTense() + ".", allowed);
    }

    public IllegalRewardTransitionException(String message, Set<RewardAction> allowed) {
        super(Refusal.CONFLICT, message);
        this.allowed = Set.copyOf(allowed);
    }

    public Set<RewardAction> allowed() {
        return allowed;
    }
}
