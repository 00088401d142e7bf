package cn.jxquality.cases.reward;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.CaseState;
import cn.jxquality.cases.handling.Outcome;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One violation (an enterprise and its penalty decision) as a proposal sees it: the reports about it; for the others,
 * the reviewer's findings (none yet: a valid reporter); the rewards already proposed for it and not rejected or
 * expired. Its static part gathers them, and the reports still undecided that a proposal must wait for.
 */
record Violation(String key, List<CaseFile> files, Map<UUID, RewardFinding> findings, List<Reward> liveRewards) {

    /** One level per violation: its reporters split one reward. */
    void checkSameLevel(int level) {
        liveRewards.stream().filter(other -> other.level != level).findFirst().ifPresent(other -> {
            throw RewardProblems.conflict("The violation's reward " + other.id + " ("
                    + other.trackingNumber + ") is level " + other.level
                    + "; its same-day reporters share one reward, so propose level " + other.level + ".");
        });
    }

    /** The same, with the finding just made for {@code caseId} in place of any earlier one. */
    Violation withFinding(UUID caseId, RewardRequests.Propose request) {
        RewardFinding finding = new RewardFinding();
        finding.caseId = caseId;
        finding.record(request, null);
        Map<UUID, RewardFinding> updated = new java.util.HashMap<>(findings);
        updated.put(caseId, finding);
        return new Violation(key, files, updated, liveRewards);
    }

    /** Every report as the reviewers' findings describe it. */
    List<ReportForReward> reportsAsFound() {
        return files.stream().map(this::other).toList();
    }

    List<ReportForReward> reports(CaseFile proposing, RewardRequests.Propose request) {
        return files.stream()
                .map(file -> file.id().equals(proposing.id())
                        ? report(file, request.naturalPerson(), request.insider(), request.exclusions())
                        : other(file))
                .toList();
    }

    private ReportForReward other(CaseFile file) {
        RewardFinding finding = findings.get(file.id());
        return finding == null
                ? report(file, true, false, Set.of())
                : report(file, finding.naturalPerson, finding.insider, finding.exclusionSet());
    }

    private ReportForReward report(
            CaseFile file, boolean naturalPerson, boolean insider, Set<ExclusionReason> exclusions) {
        return new ReportForReward(
                file.id().toString(),
                file.subjectCreditCode() == null ? key : file.subjectCreditCode(),
                file.decisionNumber() == null ? key : file.decisionNumber(),
                file.receivedAt(),
                outcome(file),
                file.rewardRequested(),
                naturalPerson,
                insider,
                exclusions);
    }

    /** The reports about the case's violation, with what earlier proposals declared about their reporters. */
    static Uni<Violation> of(CaseFile file) {
        String key = keyOf(file);
        Uni<List<CaseFile>> files = file.subjectCreditCode() == null || file.decisionNumber() == null
                ? Uni.createFrom().item(List.of(file))
                : CaseFile.list(
                        "kind = 'REPORT' and subjectCreditCode = ?1 and decisionNumber = ?2",
                        file.subjectCreditCode(),
                        file.decisionNumber());
        return files.flatMap(reports -> RewardFinding.<RewardFinding>list(
                        "caseId in ?1", reports.stream().map(f -> f.id()).toList())
                .flatMap(findings -> Reward.<Reward>list("violationKey = ?1 and state not in ?2", key, ENDED_UNPAID)
                        .map(rewards -> new Violation(
                                key,
                                reports,
                                findings.stream().collect(Collectors.toMap(f -> f.caseId, Function.identity())),
                                rewards))));
    }

    /**
     * Enterprise and penalty decision; a case without either (e.g. referred to the judiciary, which issues no
     * penalty decision) is a violation of its own.
     */
    static String keyOf(CaseFile file) {
        return file.subjectCreditCode() == null || file.decisionNumber() == null
                ? "case:" + file.id()
                : file.subjectCreditCode() + "/" + file.decisionNumber();
    }

    /** A report in one of these states may still end substantiated: it is not decided yet. */
    static final List<CaseState> UNDECIDED = List.of(
            CaseState.NEW,
            CaseState.ASSIGNED,
            CaseState.ACCEPTED,
            CaseState.IN_MEDIATION,
            CaseState.UNDER_INVESTIGATION,
            CaseState.TRANSFERRED);

    /** A rejected or expired reward is no one's share any more. */
    static final List<RewardState> ENDED_UNPAID = List.of(RewardState.REJECTED, RewardState.EXPIRED);

    /**
     * Reports about the same enterprise received on or before the case's Beijing day that are still being
     * handled: any of them may yet be substantiated under the same penalty decision and so be the first reporter,
     * or share the day. Until they end, nobody can say who the violation's reward belongs to.
     */
    static Uni<List<CaseFile>> undecidedEarlierReports(CaseFile file) {
        if (file.subjectCreditCode() == null || file.decisionNumber() == null) {
            return Uni.createFrom().item(List.of());
        }
        Instant endOfDay = FirstReporterRule.endOfDay(file.receivedAt());
        return CaseFile.list(
                "kind = 'REPORT' and subjectCreditCode = ?1 and receivedAt < ?2 and id <> ?3 and state in ?4"
                        + " order by receivedAt",
                file.subjectCreditCode(),
                endOfDay,
                file.id(),
                UNDECIDED);
    }

    static String undecidedDetail(List<CaseFile> undecided) {
        return "Reports about the same enterprise received on or before this one's day are still being handled ("
                + undecided.stream().limit(10).map(f -> f.trackingNumber()).collect(Collectors.joining(", "))
                + (undecided.size() > 10 ? ", … " + undecided.size() + " in all" : "")
                + "); any may turn out to be the first reporter of the same violation. Propose once they have ended.";
    }

    static Outcome outcome(CaseFile file) {
        return file.outcome() == null ? null : Outcome.valueOf(file.outcome());
    }
}
