package cn.jxquality.cases.casefile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A complaint or report being handled by a department. Holds no personal data. */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    /** The API names of a case's deadlines (computed by the deadline feature's {@code CaseDeadlines}). */
    public static final String ACCEPT_BY = "acceptBy";

    public static final String TRANSFER_BY = "transferBy";
    public static final String MEDIATION_ENDS_BY = "mediationEndsBy";
    public static final String VERIFY_BY = "verifyBy";

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false, unique = true)
    public UUID complaintId;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    public String kind;

    public String channel;

    public String category;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "subject_name")
    public String subjectName;

    @Column(name = "subject_credit_code")
    public String subjectCreditCode;

    @Column(name = "department_code")
    public String departmentCode;

    /** The routing rule that chose the department; null when triaged by hand. */
    @Column(name = "routing_rule_id")
    public String routingRuleId;

    @Enumerated(EnumType.STRING)
    public CaseState state;

    public String outcome;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "refusal_ground")
    public String refusalGround;

    /** The mediation-ending ground of outcome MEDIATION_ENDED. */
    @Column(name = "outcome_ground")
    public String outcomeGround;

    /** The penalty decision number (处罚决定书文号) of a substantiated report. */
    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(name = "fines_fen")
    public Long finesFen;

    @Column(name = "confiscations_fen")
    public Long confiscationsFen;

    @Column(name = "accept_by")
    public Instant acceptBy;

    @Column(name = "transfer_by")
    public Instant transferBy;

    @Column(name = "mediation_ends_by")
    public Instant mediationEndsBy;

    @Column(name = "verify_by")
    public Instant verifyBy;

    @Column(name = "verification_extended_at")
    public Instant verificationExtendedAt;

    /** Comma-separated names of deadlines counted on a provisional calendar year. */
    @Column(name = "provisional_deadlines", nullable = false)
    public String provisionalDeadlines = "";

    /** Since when the department waits for the citizen's materials; null when it does not. */
    @Column(name = "waiting_for_materials_since")
    public Instant waitingForMaterialsSince;

    /** The citizen's follow-up rating, 1 (very dissatisfied) to 5 (very satisfied). */
    @Column(name = "feedback_rating")
    public Short feedbackRating;

    @Column(name = "feedback_at")
    public Instant feedbackAt;

    /** The reporter asked for a reward (complaint.received.v1 {@code rewardRequested}). */
    @Column(name = "reward_requested", nullable = false)
    public boolean rewardRequested;

    @Version
    public int version;

    /** The deadlines set so far, by their API names. */
    public Map<String, Instant> deadlines() {
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        putIfSet(deadlines, ACCEPT_BY, acceptBy);
        putIfSet(deadlines, TRANSFER_BY, transferBy);
        putIfSet(deadlines, MEDIATION_ENDS_BY, mediationEndsBy);
        putIfSet(deadlines, VERIFY_BY, verifyBy);
        return deadlines;
    }

    public List<String> provisionalDeadlineNames() {
        return provisionalDeadlines.isEmpty() ? List.of() : List.of(provisionalDeadlines.split(","));
    }

    /** Sets one deadline by its API name and remembers whether it rests on a provisional calendar. */
    public void setDeadline(String name, Deadline deadline) {
        switch (name) {
            case ACCEPT_BY -> acceptBy = deadline.due();
            case TRANSFER_BY -> transferBy = deadline.due();
            case MEDIATION_ENDS_BY -> mediationEndsBy = deadline.due();
            case VERIFY_BY -> verifyBy = deadline.due();
            default -> throw new IllegalArgumentException("no deadline " + name);
        }
        Set<String> provisional = new TreeSet<>(provisionalDeadlineNames());
        if (deadline.provisional()) {
            provisional.add(name);
        } else {
            provisional.remove(name);
        }
        provisionalDeadlines = String.join(",", provisional);
    }

    /** Drops a deadline that no longer applies, e.g. mediation after the case moved to another department. */
    public void clearDeadline(String name) {
        setDeadline(name, new Deadline(null, false));
    }

    private static void putIfSet(Map<String, Instant> deadlines, String name, Instant due) {
        if (due != null) {
            deadlines.put(name, due);
        }
    }
}
