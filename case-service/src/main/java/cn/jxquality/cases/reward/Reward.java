package cn.jxquality.cases.reward;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The reward of one report's case: its amount, where it stands and who decided. Holds no personal data. */
@Entity
@Table(name = "reward")
public class Reward extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, unique = true)
    public UUID caseId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    /** Enterprise credit code and penalty decision number: the reports the first-reporter rule weighs together. */
    @Column(name = "violation_key", nullable = false)
    public String violationKey;

    public short level;

    @Column(name = "base_fen")
    public long baseFen;

    /** The reward of the whole violation, before the same-day split. */
    @Column(name = "violation_amount_fen")
    public long violationAmountFen;

    /** This report's share: what is paid. */
    @Column(name = "amount_fen")
    public long amountFen;

    /** How many first reporters received on the same day share the violation's reward. */
    @Column(name = "shared_by")
    public int sharedBy;

    public boolean insider;

    /** The exclusions the reviewer declared to apply, comma-separated (empty: none). */
    @Column(name = "exclusions_declared", nullable = false)
    public String exclusionsDeclared = "";

    @Column(name = "below_major_threshold")
    public boolean belowMajorThreshold;

    @Column(name = "finance_approval_required")
    public boolean financeApprovalRequired;

    @Enumerated(EnumType.STRING)
    public RewardState state;

    public String proposer;

    public String approver;

    @Column(name = "finance_approver")
    public String financeApprover;

    /** The reviewer's reasoning (internal). */
    @Column(name = "proposal_note")
    public String proposalNote;

    /** What the reporter may read about the last step, e.g. the rejection reason. */
    @Column(name = "public_note")
    public String publicNote;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "notified_at")
    public Instant notifiedAt;

    /** The last Beijing day of the claim window. */
    @Column(name = "claim_deadline")
    public LocalDate claimDeadline;

    /** The end of the claim window (23:59:59 Beijing time of its last day). */
    @Column(name = "claim_by")
    public Instant claimBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "expired_at")
    public Instant expiredAt;

    @Column(name = "payment_reference")
    public String paymentReference;

    /** The payout's idempotency key, fixed at the first try. */
    @Column(name = "payout_key")
    public UUID payoutKey;

    /** A payout try holds the reward until then; another try meanwhile is refused. */
    @Column(name = "payout_lease_until")
    public Instant payoutLeaseUntil;

    @Version
    public int version;

    public Set<ExclusionReason> exclusions() {
        if (exclusionsDeclared == null || exclusionsDeclared.isEmpty()) {
            return EnumSet.noneOf(ExclusionReason.class);
        }
        return Arrays.stream(exclusionsDeclared.split(","))
                .map(ExclusionReason::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ExclusionReason.class)));
    }

    public void declareExclusions(Set<ExclusionReason> exclusions) {
        exclusionsDeclared = exclusions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** The workflow's view of this reward. */
    public RewardSituation situation() {
        return new RewardSituation(state, proposer, financeApprovalRequired, approver, financeApprover, claimDeadline);
    }
}
