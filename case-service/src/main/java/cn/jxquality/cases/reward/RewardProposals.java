package cn.jxquality.cases.reward;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.handling.Outcome;
import cn.jxquality.cases.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
                            return Reward.count("caseId", file.id).flatMap(existing -> {
                                if (existing > 0) {
                                    throw RewardProblems.conflict("The case's reward is already proposed.");
                                }
                                return sameViolation(file).flatMap(reports -> create(reviewer, request, file, reports));
                            });
                        }))
                .onFailure(IneligibleReporter.class)
                .call(e -> Panache.withTransaction(() -> keep(reviewer, request)))
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
                orZero(file.finesFen), orZero(file.confiscationsFen), outcome(file) == Outcome.REFERRED_TO_JUDICIARY);
        RewardAmount amount = calculator.compute(request.level(), penalty, request.insider());
        if (amount.belowMajorViolationThreshold()
                && (request.note() == null || request.note().isBlank())) {
            throw new InvalidRewardInputException(
                    "note", "the case is below the major-violation threshold: say why it is rewarded anyway");
        }
        List<RewardVerdict> verdicts = firstReporter.decide(violation.reports(file, request), amount.amountFen());
        RewardVerdict verdict = verdicts.stream()
                .filter(v -> v.reportId().equals(file.id.toString()))
                .findFirst()
                .orElseThrow();
        if (!verdict.rewarded()) {
            String detail = "The report is not rewarded: " + verdict.reasons()
                    + (verdict.exclusionsApplied().isEmpty() ? "" : " " + verdict.exclusionsApplied());
            boolean barredByFinding = verdict.reasons().contains(Ineligibility.EXCLUDED)
                    || verdict.reasons().contains(Ineligibility.NOT_A_NATURAL_PERSON);
            throw barredByFinding ? new IneligibleReporter(detail) : RewardProblems.notEligible(detail);
        }
        Reward reward = newReward(reviewer, request, file, violation.key(), amount);
        reward.amountFen = verdict.shareFen();
        reward.sharedBy =
                (int) verdicts.stream().filter(RewardVerdict::rewarded).count();
        return keep(reviewer, request)
                .flatMap(kept -> reward.persist())
                .flatMap(saved -> journal.step(reward, null, reviewer.name(), reviewer.role(), request.note()))
                .replaceWith(reward);
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
        reward.caseId = file.id;
        reward.complaintId = file.complaintId;
        reward.trackingNumber = file.trackingNumber;
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
        if (!"REPORT".equals(file.kind)) {
            throw RewardProblems.notEligible("Only reports are rewarded; this case is a " + file.kind + ".");
        }
        if (!file.rewardRequested) {
            throw RewardProblems.notEligible("The reporter did not ask for a reward.");
        }
        Outcome outcome = outcome(file);
        if (outcome != Outcome.SUBSTANTIATED && outcome != Outcome.REFERRED_TO_JUDICIARY) {
            throw RewardProblems.notEligible(
                    "The case must have ended SUBSTANTIATED or REFERRED_TO_JUDICIARY; its outcome is " + outcome + ".");
        }
    }

    /** The reports about the case's violation, with what earlier proposals declared about their reporters. */
    private static Uni<Violation> sameViolation(CaseFile file) {
        String key = violationKey(file);
        if (file.subjectCreditCode == null || file.decisionNumber == null) {
            return Uni.createFrom().item(new Violation(key, List.of(file), Map.of()));
        }
        return CaseFile.<CaseFile>list(
                        "kind = 'REPORT' and subjectCreditCode = ?1 and decisionNumber = ?2",
                        file.subjectCreditCode,
                        file.decisionNumber)
                .flatMap(files -> RewardFinding.<RewardFinding>list(
                                "caseId in ?1", files.stream().map(f -> f.id).toList())
                        .map(findings -> new Violation(
                                key,
                                files,
                                findings.stream().collect(Collectors.toMap(f -> f.caseId, Function.identity())))));
    }

    /**
     * Enterprise and penalty decision; a case without either (e.g. referred to the judiciary, which issues no
     * penalty decision) is a violation of its own.
     */
    static String violationKey(CaseFile file) {
        return file.subjectCreditCode == null || file.decisionNumber == null
                ? "case:" + file.id
                : file.subjectCreditCode + "/" + file.decisionNumber;
    }

    private static Outcome outcome(CaseFile file) {
        return file.outcome == null ? null : Outcome.valueOf(file.outcome);
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

    /** The reports about one violation; for the others, the reviewer's findings (none yet: a valid reporter). */
    private record Violation(String key, List<CaseFile> files, Map<UUID, RewardFinding> findings) {

        List<ReportForReward> reports(CaseFile proposing, RewardRequests.Propose request) {
            return files.stream()
                    .map(file -> file.id.equals(proposing.id)
                            ? report(file, request.naturalPerson(), request.insider(), request.exclusions())
                            : other(file))
                    .toList();
        }

        private ReportForReward other(CaseFile file) {
            RewardFinding finding = findings.get(file.id);
            return finding == null
                    ? report(file, true, false, Set.of())
                    : report(file, finding.naturalPerson, finding.insider, finding.exclusionSet());
        }

        private ReportForReward report(
                CaseFile file, boolean naturalPerson, boolean insider, Set<ExclusionReason> exclusions) {
            return new ReportForReward(
                    file.id.toString(),
                    file.subjectCreditCode == null ? key : file.subjectCreditCode,
                    file.decisionNumber == null ? key : file.decisionNumber,
                    file.receivedAt,
                    outcome(file),
                    file.rewardRequested,
                    naturalPerson,
                    insider,
                    exclusions);
        }
    }
}
