package cn.jxquality.cases.reward;

import cn.jxquality.platform.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The reward workflow of DESIGN §5, free of frameworks:
 *
 * <pre>
 * PROPOSED -approve (+ approve as finance when required)-> APPROVED -notify-> NOTIFIED -claim-> CLAIMED -pay-> PAID
 * PROPOSED -reject-> REJECTED                              NOTIFIED -expire (after the window)-> EXPIRED
 * </pre>
 *
 * Four eyes: neither the approver nor finance may be the proposer, nor the same person as each other; a rejection
 * is also another person's. The claim window runs {@code claimWindowWorkingDays} working days from the day after
 * notification on the seeded calendar; a claim on its last day is in time, the day after it is not.
 */
public final class RewardStateMachine {

    private final Supplier<WorkingDayCalendar> calendar;
    private final int claimWindowWorkingDays;

    public RewardStateMachine(WorkingDayCalendar calendar, RewardRules rules) {
        this(() -> calendar, rules);
        Objects.requireNonNull(calendar);
    }

    /** On the calendar the deadlines count on at the time, which an administrator may load anew at run time. */
    public RewardStateMachine(Supplier<WorkingDayCalendar> calendar, RewardRules rules) {
        this.calendar = Objects.requireNonNull(calendar);
        this.claimWindowWorkingDays = rules.claimWindowWorkingDays();
    }

    /** The steps the reward's state allows now. */
    public Set<RewardAction> allowedActions(RewardSituation situation) {
        Set<RewardAction> allowed = EnumSet.noneOf(RewardAction.class);
        switch (situation.state()) {
            case PROPOSED -> {
                if (situation.approver() == null) {
                    allowed.add(RewardAction.APPROVE);
                }
                if (situation.financeApprovalRequired() && situation.financeApprover() == null) {
                    allowed.add(RewardAction.APPROVE_AS_FINANCE);
                }
                allowed.add(RewardAction.REJECT);
            }
            case APPROVED -> allowed.add(RewardAction.NOTIFY);
            case NOTIFIED -> allowed.addAll(Set.of(RewardAction.CLAIM, RewardAction.EXPIRE));
            case CLAIMED -> allowed.add(RewardAction.PAY);
            case REJECTED, PAID, EXPIRED -> {
                // final
            }
        }
        return allowed;
    }

    /** The reward after the step, or a {@link RewardRefusedException} saying why not; nothing else changes. */
    public RewardSituation decide(RewardSituation situation, RewardCommand command) {
        if (command instanceof RewardCommand.Approve approve) {
            return approve(situation, approve.approver());
        } else if (command instanceof RewardCommand.ApproveAsFinance finance) {
            return approveAsFinance(situation, finance.financeApprover());
        } else if (command instanceof RewardCommand.Reject reject) {
            requireAllowed(situation, command.action());
            requireNotProposer(situation, reject.rejector(), "reject");
            return situation.with(RewardState.REJECTED);
        } else if (command instanceof RewardCommand.Notify notify) {
            requireAllowed(situation, command.action());
            return situation.notified(calendar.get().addWorkingDays(notify.notifiedOn(), claimWindowWorkingDays));
        } else if (command instanceof RewardCommand.Claim claim) {
            return claim(situation, claim.claimedOn());
        } else if (command instanceof RewardCommand.Pay) {
            return pay(situation);
        } else if (command instanceof RewardCommand.Expire expire) {
            return expire(situation, expire.today());
        }
        throw new IllegalStateException("unknown command " + command);
    }

    private RewardSituation approve(RewardSituation situation, String approver) {
        if (situation.approver() != null && situation.state() != RewardState.REJECTED) {
            throw new RewardAlreadyApprovedException("The reward is already approved by a reward approver.");
        }
        requireAllowed(situation, RewardAction.APPROVE);
        requireNotProposer(situation, approver, "approve");
        if (approver.equals(situation.financeApprover())) {
            throw new FourEyesViolationException("The finance approval and the approval must be two people.");
        }
        return situation.approvedBy(approver);
    }

    private RewardSituation approveAsFinance(RewardSituation situation, String financeApprover) {
        if (situation.financeApprover() != null && situation.state() != RewardState.REJECTED) {
            throw new RewardAlreadyApprovedException("The reward is already approved by finance.");
        }
        requireAllowed(situation, RewardAction.APPROVE_AS_FINANCE);
        requireNotProposer(situation, financeApprover, "approve");
        if (financeApprover.equals(situation.approver())) {
            throw new FourEyesViolationException("The finance approval and the approval must be two people.");
        }
        return situation.approvedByFinance(financeApprover);
    }

    private RewardSituation claim(RewardSituation situation, LocalDate claimedOn) {
        if (situation.state() == RewardState.EXPIRED) {
            throw new ClaimWindowClosedException("The reward expired unclaimed on " + situation.claimDeadline() + ".");
        }
        requireAllowed(situation, RewardAction.CLAIM);
        if (claimedOn.isAfter(situation.claimDeadline())) {
            throw new ClaimWindowClosedException("The claim window closed on " + situation.claimDeadline() + ".");
        }
        return situation.with(RewardState.CLAIMED);
    }

    private RewardSituation pay(RewardSituation situation) {
        if (situation.state() == RewardState.REJECTED) {
            throw new RewardNotPayableException("A rejected reward is never paid.");
        }
        if (situation.state() == RewardState.PAID) {
            throw new RewardAlreadyPaidException("The reward is already paid.");
        }
        requireAllowed(situation, RewardAction.PAY);
        return situation.with(RewardState.PAID);
    }

    private RewardSituation expire(RewardSituation situation, LocalDate today) {
        requireAllowed(situation, RewardAction.EXPIRE);
        if (!today.isAfter(situation.claimDeadline())) {
            throw new IllegalRewardTransitionException(
                    "The claim window is open until " + situation.claimDeadline() + ".", allowedActions(situation));
        }
        return situation.with(RewardState.EXPIRED);
    }

    private void requireAllowed(RewardSituation situation, RewardAction action) {
        Set<RewardAction> allowed = allowedActions(situation);
        if (!allowed.contains(action)) {
            throw new IllegalRewardTransitionException(action, situation.state(), allowed);
        }
    }

    private static void requireNotProposer(RewardSituation situation, String person, String verb) {
        if (person.equals(situation.proposer())) {
            throw new FourEyesViolationException("Nobody may " + verb + " a reward they proposed.");
        }
    }
}
