package cn.jxquality.cases.reward;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.handling.Outcome;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reviewer's proposal: checks the report is eligible and first among the reports about the same violation
 * (same enterprise credit code and penalty decision number), computes the amount from the case's fines and
 * confiscations, splits it among same-day first reporters, and records the reward as PROPOSED.
 */
@ApplicationScoped
public class RewardProposals {

    private final RewardCalculator calculator;
    private final FirstReporterRule firstReporter;
    private final RewardStateMachine machine;
    private final RewardJournal journal;

    RewardProposals(
            RewardCalculator calculator,
            FirstReporterRule firstReporter,
            RewardStateMachine machine,
            RewardJournal journal) {
        this.calculator = calculator;
        this.firstReporter = firstReporter;
        this.machine = machine;
        this.journal = journal;
    }

    public Uni<RewardView> propose(RewardStaff reviewer, RewardRequests.Propose request) {
        return Panache.withTransaction(() -> CaseFile.<CaseFile>findById(request.caseId())
                        .flatMap(file -> {
                            if (file == null) {
                                throw ProblemException.invalid("caseId", "names no case");
                            }
                            checkReport(file);
                            return Reward.count("caseId", file.id()).flatMap(existing -> {
                                if (existing > 0) {
                                    throw RewardProblems.conflict("The case's reward is already proposed.");
                                }
                                return Violation.undecidedEarlierReports(file)
                                        .flatMap(undecided -> {
                                            if (!undecided.isEmpty()) {
                                                throw RewardProblems.firstReporterUndecided(
                                                        Violation.undecidedDetail(undecided));
                                            }
                                            return Violation.of(file);
                                        })
                                        .flatMap(violation -> create(reviewer, request, file, violation));
                            });
                        }))
                .onFailure(IneligibleReporter.class)
                .call(e -> Panache.withTransaction(() -> keep(reviewer, request)
                        .flatMap(kept -> CaseFile.<CaseFile>findById(request.caseId()))
                        .flatMap(file -> Violation.of(file)
                                .flatMap(violation ->
                                        reshare(reviewer, violation.withFinding(file.id(), request), null)))))
                .onFailure(IneligibleReporter.class)
                .transform(e -> RewardProblems.notEligible(e.getMessage()))
                .onFailure(RewardRefusedException.class)
                .transform(e -> RewardProblems.of((RewardRefusedException) e))
                .onFailure(RewardProposals::duplicate)
                .transform(e -> RewardProblems.conflict("The case's reward is already proposed."))
                .map(reward -> RewardView.of(reward, List.copyOf(machine.allowedActions(reward.situation()))));
    }

    private Uni<Reward> create(
            RewardStaff reviewer, RewardRequests.Propose request, CaseFile file, Violation violation) {
        Penalty penalty = new Penalty(
                orZero(file.finesFen()),
                orZero(file.confiscationsFen()),
                Violation.outcome(file) == Outcome.REFERRED_TO_JUDICIARY);
        RewardAmount amount = calculator.compute(request.level(), penalty, request.insider());
        if (amount.belowMajorViolationThreshold()
                && (request.note() == null || request.note().isBlank())) {
            throw new InvalidRewardInputException(
                    "note", "the case is below the major-violation threshold: say why it is rewarded anyway");
        }
        List<RewardVerdict> verdicts = firstReporter.decide(violation.reports(file, request), amount.amountFen());
        RewardVerdict verdict = verdicts.stream()
                .filter(v -> v.reportId().equals(file.id().toString()))
                .findFirst()
                .orElseThrow();
        if (!verdict.rewarded()) {
            String detail = "The report is not rewarded: " + verdict.reasons()
                    + (verdict.exclusionsApplied().isEmpty() ? "" : " " + verdict.exclusionsApplied());
            boolean barredByFinding = verdict.reasons().contains(Ineligibility.EXCLUDED)
                    || verdict.reasons().contains(Ineligibility.NOT_A_NATURAL_PERSON);
            throw barredByFinding ? new IneligibleReporter(detail) : RewardProblems.notEligible(detail);
        }
        violation.checkSameLevel(request.level());
        Reward reward = newReward(reviewer, request, file, violation.key(), amount);
        reward.amountFen = verdict.shareFen();
        reward.sharedBy =
                (int) verdicts.stream().filter(RewardVerdict::rewarded).count();
        return keep(reviewer, request)
                .flatMap(kept -> reward.persist())
                .flatMap(saved -> journal.step(reward, null, reviewer.name(), reviewer.role(), request.note()))
                .flatMap(stepped -> reshare(reviewer, violation.withFinding(file.id(), request), reward))
                .replaceWith(reward);
    }

    /**
     * Brings the other live rewards of the violation to the share the first-reporter rule now gives them. A
     * finding can only take a same-day reporter out of the split, so shares only grow: a reward not yet paid is
     * raised, with an entry on its audit trail. A share that would shrink or vanish (a reporter refused earlier is
     * now found valid) is not applied silently: the proposal is refused until the approver rejects that reward.
     */
    private Uni<Void> reshare(RewardStaff reviewer, Violation violation, Reward proposed) {
        List<ReportForReward> reports = violation.reportsAsFound();
        List<Reward> others = violation.liveRewards().stream()
                .filter(other -> proposed == null || !other.id.equals(proposed.id))
                .toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Reward other : others) {
            List<RewardVerdict> verdicts = firstReporter.decide(reports, other.violationAmountFen);
            RewardVerdict verdict = verdicts.stream()
                    .filter(v -> v.reportId().equals(other.caseId.toString()))
                    .findFirst()
                    .orElseThrow();
            int sharedBy =
                    (int) verdicts.stream().filter(RewardVerdict::rewarded).count();
            if (verdict.shareFen() == other.amountFen) {
                continue;
            }
            if (verdict.shareFen() < other.amountFen) {
                throw RewardProblems.conflict("Reward " + other.id + " (" + other.trackingNumber + ", " + other.state
                        + ") of the same violation would drop from " + other.amountFen + " to " + verdict.shareFen()
                        + " fen; its approver must reject it before this report is rewarded.");
            }
            if (other.state == RewardState.PAID) {
                continue; // paid already: the audit trail of this proposal's reward shows the split it was given
            }
            String note = "share " + other.amountFen + " -> " + verdict.shareFen() + " fen, split " + other.sharedBy
                    + " -> " + sharedBy + " ways: a same-day reporter of the violation is not rewarded";
            other.amountFen = verdict.shareFen();
            other.sharedBy = sharedBy;
            chain = chain.flatMap(
                    done -> journal.note(other, "reward.reshared", reviewer.name(), reviewer.role(), note));
        }
        return chain;
    }

    /** Records the reviewer's finding about the reporter, replacing an earlier one. */
    private static Uni<RewardFinding> keep(RewardStaff reviewer, RewardRequests.Propose request) {
        return RewardFinding.<RewardFinding>findById(request.caseId()).flatMap(found -> {
            RewardFinding finding = found != null ? found : new RewardFinding();
            finding.caseId = request.caseId();
            finding.record(request, reviewer.name());
            return found != null ? Uni.createFrom().item(finding) : finding.persist();
        });
    }

    private static Reward newReward(
            RewardStaff reviewer, RewardRequests.Propose request, CaseFile file, String key, RewardAmount amount) {
        RewardSituation situation = RewardSituation.proposed(reviewer.name(), amount);
        Reward reward = new Reward();
        reward.id = UUID.randomUUID();
        reward.caseId = file.id();
        reward.complaintId = file.complaintId();
        reward.trackingNumber = file.trackingNumber();
        reward.violationKey = key;
        reward.level = (short) amount.level();
        reward.baseFen = amount.baseFen();
        reward.violationAmountFen = amount.amountFen();
        reward.insider = request.insider();
        reward.declareExclusions(request.exclusions());
        reward.belowMajorThreshold = amount.belowMajorViolationThreshold();
        reward.financeApprovalRequired = situation.financeApprovalRequired();
        reward.state = situation.state();
        reward.proposer = reviewer.name();
        reward.proposalNote = request.note();
        reward.proposedAt = Instant.now();
        return reward;
    }

    /** Only a report whose reporter asked for a reward, ended SUBSTANTIATED or REFERRED_TO_JUDICIARY. */
    private static void checkReport(CaseFile file) {
        if (!"REPORT".equals(file.kind())) {
            throw RewardProblems.notEligible("Only reports are rewarded; this case is a " + file.kind() + ".");
        }
        if (!file.rewardRequested()) {
            throw RewardProblems.notEligible("The reporter did not ask for a reward.");
        }
        Outcome outcome = Violation.outcome(file);
        if (outcome != Outcome.SUBSTANTIATED && outcome != Outcome.REFERRED_TO_JUDICIARY) {
            throw RewardProblems.notEligible(
                    "The case must have ended SUBSTANTIATED or REFERRED_TO_JUDICIARY; its outcome is " + outcome + ".");
        }
    }

    private static long orZero(Long fen) {
        return fen == null ? 0 : fen;
    }

    private static boolean duplicate(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e.getMessage() != null && e.getMessage().contains("reward_case_id_key")) {
                return true;
            }
        }
        return false;
    }

    /** The reporter's own declarations barred the reward; the finding is kept, the answer is 409. */
    private static final class IneligibleReporter extends RuntimeException {
        IneligibleReporter(String detail) {
            super(detail, null, false, false);
        }
    }
}
