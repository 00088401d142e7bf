package cn.jxquality.cases.reward;

import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The approvers' decisions on a proposed reward (four eyes: never the proposer's, finance's too at or above the
 * threshold). The last approval makes it APPROVED and at once NOTIFIED: the reporter is told and the claim window
 * of 30 working days opens. Each runs in one transaction with its audit entries and outbox rows; a refused
 * request changes nothing.
 */
@ApplicationScoped
public class RewardDecisions {

    private final RewardStateMachine machine;
    private final RewardJournal journal;

    RewardDecisions(RewardStateMachine machine, RewardJournal journal) {
        this.machine = machine;
        this.journal = journal;
    }

    public Uni<RewardView> approve(RewardStaff staff, UUID id, int version) {
        RewardCommand command = staff.finance()
                ? new RewardCommand.ApproveAsFinance(staff.name())
                : new RewardCommand.Approve(staff.name());
        return change(id, version, reward -> {
            RewardSituation next = machine.decide(reward.situation(), command);
            reward.approver = next.approver();
            reward.financeApprover = next.financeApprover();
            if (next.state() != RewardState.APPROVED) {
                return journal.note(reward, "reward.approval-given", staff.name(), staff.role(), null);
            }
            Instant now = Instant.now();
            reward.state = RewardState.APPROVED;
            reward.decidedAt = now;
            reward.publicNote = "举报奖励已批准 Your reward was approved: " + yuan(reward.amountFen);
            return journal.step(reward, RewardState.PROPOSED, staff.name(), staff.role(), null)
                    .flatMap(v -> notifyReporter(reward, now));
        });
    }

    public Uni<RewardView> reject(RewardStaff staff, UUID id, int version, String reason) {
        return change(id, version, reward -> {
            RewardSituation next = machine.decide(reward.situation(), new RewardCommand.Reject(staff.name(), reason));
            reward.state = next.state();
            reward.decidedAt = Instant.now();
            reward.publicNote = "举报奖励未获批准 Your reward was not approved: " + reason;
            return journal.step(reward, RewardState.PROPOSED, staff.name(), staff.role(), reason);
        });
    }

    /** The reporter hears of the approved reward; the claim window runs from the next day. */
    private Uni<Void> notifyReporter(Reward reward, Instant now) {
        LocalDate today = now.atZone(CaseDeadlines.BEIJING).toLocalDate();
        RewardSituation notified = machine.decide(reward.situation(), new RewardCommand.Notify(today));
        reward.state = notified.state();
        reward.notifiedAt = now;
        reward.claimDeadline = notified.claimDeadline();
        reward.claimBy = endOf(notified.claimDeadline());
        reward.publicNote = "举报奖励 " + yuan(reward.amountFen) + "，请于 " + reward.claimDeadline
                + " 前凭受理编号和查询码申领 Claim your reward of " + yuan(reward.amountFen) + " by "
                + reward.claimDeadline + " with your tracking number and query code on the reward claim page";
        return journal.step(reward, RewardState.APPROVED, "system", "system", null);
    }

    private Uni<RewardView> change(UUID id, int version, Function<Reward, Uni<Void>> step) {
        return Panache.withTransaction(() -> Reward.<Reward>findById(id).flatMap(reward -> {
                    if (reward == null) {
                        throw ProblemException.notFound("No reward " + id + ".");
                    }
                    if (reward.version != version) {
                        throw ProblemException.stale("The reward is at version " + reward.version + ", not " + version
                                + "; read it again before changing it.");
                    }
                    return step.apply(reward).replaceWith(reward);
                }))
                .onFailure(RewardRefusedException.class)
                .transform(e -> RewardProblems.of((RewardRefusedException) e))
                .onFailure(RewardProblems::lostRace)
                .transform(e -> RewardProblems.stale())
                .map(reward -> RewardView.of(reward, List.copyOf(machine.allowedActions(reward.situation()))));
    }

    static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59))
                .atZone(CaseDeadlines.BEIJING)
                .toInstant();
    }

    static String yuan(long fen) {
        return String.format("¥%d.%02d", fen / 100, fen % 100);
    }
}
