package cn.jxquality.cases.reward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A reward as the reward staff, supervisors and auditors see it; never the reporter's identity.
 * {@code allowedActions} names what the reward's state allows next.
 */
public record RewardView(
        UUID id,
        UUID caseId,
        String trackingNumber,
        int level,
        long baseFen,
        long violationAmountFen,
        long amountFen,
        int sharedBy,
        boolean insider,
        List<ExclusionReason> exclusionsDeclared,
        boolean belowMajorViolationThreshold,
        boolean financeApprovalRequired,
        RewardState state,
        String proposer,
        String approver,
        String financeApprover,
        String proposalNote,
        String publicNote,
        Instant proposedAt,
        Instant decidedAt,
        Instant notifiedAt,
        LocalDate claimDeadline,
        Instant claimBy,
        Instant claimedAt,
        Instant paidAt,
        Instant expiredAt,
        String paymentReference,
        List<RewardAction> allowedActions,
        int version) {

    static RewardView of(Reward r, List<RewardAction> allowed) {
        return new RewardView(
                r.id,
                r.caseId,
                r.trackingNumber,
                r.level,
                r.baseFen,
                r.violationAmountFen,
                r.amountFen,
                r.sharedBy,
                r.insider,
                List.copyOf(r.exclusions()),
                r.belowMajorThreshold,
                r.financeApprovalRequired,
                r.state,
                r.proposer,
                r.approver,
                r.financeApprover,
                r.proposalNote,
                r.publicNote,
                r.proposedAt,
                r.decidedAt,
                r.notifiedAt,
                r.claimDeadline,
                r.claimBy,
                r.claimedAt,
                r.paidAt,
                r.expiredAt,
                r.paymentReference,
                allowed,
                r.version);
    }
}
