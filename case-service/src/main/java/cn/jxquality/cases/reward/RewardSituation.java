package cn.jxquality.cases.reward;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the workflow needs to know of a reward: its state, who proposed and who approved it, whether finance
 * must approve too, and from notification on the last Beijing day a claim is accepted. Approvers are
 * {@code null} until given; an inconsistent situation (e.g. APPROVED without its approvals) is refused.
 */
public record RewardSituation(
        RewardState state,
        String proposer,
        boolean financeApprovalRequired,
        String approver,
        String financeApprover,
        LocalDate claimDeadline) {

    private static final Set<RewardState> APPROVED_ONCE = EnumSet.of(
            RewardState.APPROVED, RewardState.NOTIFIED, RewardState.CLAIMED, RewardState.PAID, RewardState.EXPIRED);
    private static final Set<RewardState> NOTIFIED_ONCE =
            EnumSet.of(RewardState.NOTIFIED, RewardState.CLAIMED, RewardState.PAID, RewardState.EXPIRED);

    public RewardSituation {
        Objects.requireNonNull(state, "state");
        if (proposer == null || proposer.isBlank()) {
            throw new IllegalArgumentException("a reward has a proposer");
        }
        if (APPROVED_ONCE.contains(state) && !approvalsComplete(financeApprovalRequired, approver, financeApprover)) {
            throw new IllegalArgumentException("a reward in state " + state + " has all its approvals");
        }
        if (NOTIFIED_ONCE.contains(state) != (claimDeadline != null)) {
            throw new IllegalArgumentException("a reward has a claim deadline exactly when it was notified");
        }
    }

    /** A new proposal; finance must approve too when the computed amount says so. */
    public static RewardSituation proposed(String proposer, RewardAmount amount) {
        return new RewardSituation(RewardState.PROPOSED, proposer, amount.financeApprovalRequired(), null, null, null);
    }

    boolean approvalsComplete() {
        return approvalsComplete(financeApprovalRequired, approver, financeApprover);
    }

    RewardSituation with(RewardState newState) {
        return new RewardSituation(
                newState, proposer, financeApprovalRequired, approver, financeApprover, claimDeadline);
    }

    RewardSituation approvedBy(String newApprover) {
        RewardSituation given = new RewardSituation(
                RewardState.PROPOSED, proposer, financeApprovalRequired, newApprover, financeApprover, null);
        return given.approvalsComplete() ? given.with(RewardState.APPROVED) : given;
    }

    RewardSituation approvedByFinance(String newFinanceApprover) {
        RewardSituation given = new RewardSituation(
                RewardState.PROPOSED, proposer, financeApprovalRequired, approver, newFinanceApprover, null);
        return given.approvalsComplete() ? given.with(RewardState.APPROVED) : given;
    }

    RewardSituation notified(LocalDate deadline) {
        return new RewardSituation(
                RewardState.NOTIFIED, proposer, financeApprovalRequired, approver, financeApprover, deadline);
    }

    private static boolean approvalsComplete(boolean financeRequired, String approver, String financeApprover) {
        return approver != null && (!financeRequired || financeApprover != null);
    }
}
