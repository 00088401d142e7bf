package cn.jxquality.cases.reward;

import cn.jxquality.cases.casefile.CaseFile;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report waiting for a reviewer: its reporter asked for a reward, it ended rewardably, nothing is proposed yet. */
public record RewardCandidate(
        UUID caseId,
        String trackingNumber,
        String subjectName,
        String subjectCreditCode,
        String outcome,
        String decisionNumber,
        Long finesFen,
        Long confiscationsFen,
        Instant receivedAt,
        Instant resolvedAt,
        List<String> waitingFor) {

    /**
     * {@code waitingFor}: the tracking numbers of open reports about the same enterprise received on or before
     * this one's Beijing day; while there are any, a proposal is refused (409 reward-first-reporter-undecided).
     */
    static RewardCandidate of(CaseFile file, List<String> waitingFor) {
        return new RewardCandidate(
                file.id(),
                file.trackingNumber(),
                file.subjectName(),
                file.subjectCreditCode(),
                file.outcome(),
                file.decisionNumber(),
                file.finesFen(),
                file.confiscationsFen(),
                file.receivedAt(),
                file.resolvedAt(),
                waitingFor);
    }
}
