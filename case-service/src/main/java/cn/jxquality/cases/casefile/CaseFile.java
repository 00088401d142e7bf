package cn.jxquality.cases.casefile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
    UUID id;

    @Column(name = "complaint_id", nullable = false, unique = true)
    UUID complaintId;

    @Column(name = "tracking_number", nullable = false, unique = true)
    String trackingNumber;

    String kind;

    String channel;

    String category;

    @Column(name = "region_code")
    String regionCode;

    @Column(name = "subject_name")
    String subjectName;

    @Column(name = "subject_credit_code")
    String subjectCreditCode;

    @Column(name = "department_code")
    String departmentCode;

    /** The routing rule that chose the department; null when triaged by hand. */
    @Column(name = "routing_rule_id")
    String routingRuleId;

    @Enumerated(EnumType.STRING)
    CaseState state;

    String outcome;

    @Column(name = "received_at")
    Instant receivedAt;

    @Column(name = "assigned_at")
    Instant assignedAt;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(name = "accepted_at")
    Instant acceptedAt;

    @Column(name = "resolved_at")
    Instant resolvedAt;

    @Column(name = "closed_at")
    Instant closedAt;

    @Column(name = "refusal_ground")
    String refusalGround;

    /** The mediation-ending ground of outcome MEDIATION_ENDED. */
    @Column(name = "outcome_ground")
    String outcomeGround;

    /** The penalty decision number (处罚决定书文号) of a substantiated report. */
    @Column(name = "decision_number")
    String decisionNumber;

    @Column(name = "fines_fen")
    Long finesFen;

    @Column(name = "confiscations_fen")
    Long confiscationsFen;

    @Column(name = "accept_by")
    Instant acceptBy;

    @Column(name = "transfer_by")
    Instant transferBy;

    @Column(name = "mediation_ends_by")
    Instant mediationEndsBy;

    @Column(name = "verify_by")
    Instant verifyBy;

    @Column(name = "verification_extended_at")
    Instant verificationExtendedAt;

    /** Comma-separated names of deadlines counted on a provisional calendar year. */
    @Column(name = "provisional_deadlines", nullable = false)
    String provisionalDeadlines = "";

    /** Since when the department waits for the citizen's materials; null when it does not. */
    @Column(name = "waiting_for_materials_since")
    Instant waitingForMaterialsSince;

    /** The citizen's follow-up rating, 1 (very dissatisfied) to 5 (very satisfied). */
    @Column(name = "feedback_rating")
    Short feedbackRating;

    @Column(name = "feedback_at")
    Instant feedbackAt;

    /** The reporter asked for a reward (complaint.received.v1 {@code rewardRequested}). */
    @Column(name = "reward_requested", nullable = false)
    boolean rewardRequested;

    @Version
    int version;

    /**
     * The deadlines counted afresh by the change under way, with the instant each was counted from: the deadline
     * clocks keep it, so that a newly loaded calendar recounts each deadline from where its count began.
     */
    @Transient
    private Map<String, Instant> countedAfresh = new HashMap<>();

    /** A case opened for a received complaint: {@code NEW}, until routing places it with a department. */
    public static CaseFile received(Receipt receipt, Instant now) {
        CaseFile file = new CaseFile();
        file.id = UUID.randomUUID();
        file.complaintId = receipt.complaintId();
        file.trackingNumber = receipt.trackingNumber();
        file.kind = receipt.kind().name();
        file.channel = receipt.channel();
        file.category = receipt.category();
        file.regionCode = receipt.regionCode();
        file.subjectName = receipt.subjectName();
        file.subjectCreditCode = receipt.subjectCreditCode();
        file.receivedAt = receipt.receivedAt();
        file.rewardRequested = receipt.rewardRequested();
        file.state = CaseState.NEW;
        // microseconds, as PostgreSQL keeps them: clocks computed from it agree with what is read back
        file.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        file.updatedAt = file.createdAt;
        return file;
    }

    /** What the complaint-service's {@code complaint.received.v1} tells about a new case. */
    public record Receipt(
            UUID complaintId,
            String trackingNumber,
            CaseKind kind,
            String channel,
            String category,
            String regionCode,
            String subjectName,
            String subjectCreditCode,
            Instant receivedAt,
            boolean rewardRequested) {}

    public CaseKind caseKind() {
        return CaseKind.valueOf(kind);
    }

    /** The case moves to {@code next}; the step's own details are set by the methods below. */
    public void moveTo(CaseState next, Instant now) {
        state = next;
        updatedAt = now;
    }

    /**
     * Places the case with a department; after a transfer ({@code afresh}) the new department starts afresh: not
     * accepted yet, and no mediation running.
     */
    public void assignTo(String department, String ruleId, Instant now, boolean afresh) {
        moveTo(CaseState.ASSIGNED, now);
        departmentCode = department;
        routingRuleId = ruleId;
        assignedAt = now;
        waitingForMaterialsSince = null;
        if (afresh) {
            acceptedAt = null;
            clearDeadline(MEDIATION_ENDS_BY);
        }
    }

    /** A transferred case no other department takes waits for the supervisors' triage. */
    public void returnToTriage(Instant now) {
        moveTo(CaseState.NEW, now);
        departmentCode = null;
        routingRuleId = null;
        acceptedAt = null;
        waitingForMaterialsSince = null;
        clearDeadline(TRANSFER_BY);
        clearDeadline(MEDIATION_ENDS_BY);
    }

    public void accepted(Instant now) {
        acceptedAt = now;
    }

    public void refused(String ground) {
        refusalGround = ground;
        waitingForMaterialsSince = null;
    }

    /** The decision: its outcome, the ground and, for a substantiated report, the penalty decision and amounts. */
    public void resolved(
            String outcome, String ground, String decisionNumber, Long finesFen, Long confiscationsFen, Instant now) {
        this.outcome = outcome;
        this.outcomeGround = ground;
        this.decisionNumber = decisionNumber;
        this.finesFen = finesFen;
        this.confiscationsFen = confiscationsFen;
        this.resolvedAt = now;
        this.waitingForMaterialsSince = null;
    }

    public void closed(Instant now) {
        closedAt = now;
    }

    public void verificationExtended(Instant now) {
        verificationExtendedAt = now;
    }

    public void waitingForMaterials(Instant since) {
        waitingForMaterialsSince = since;
    }

    public void materialsReceived() {
        waitingForMaterialsSince = null;
    }

    /** The citizen's follow-up rating; only the first one counts, so false when the case has one. */
    public boolean rated(int rating, Instant givenAt, Instant now) {
        if (feedbackRating != null) {
            return false;
        }
        feedbackRating = (short) rating;
        feedbackAt = givenAt;
        updatedAt = now;
        return true;
    }

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
        if (deadline.countedFrom() != null) {
            countedAfresh.put(name, deadline.countedFrom());
        }
        Set<String> provisional = new TreeSet<>(provisionalDeadlineNames());
        if (deadline.provisional()) {
            provisional.add(name);
        } else {
            provisional.remove(name);
        }
        provisionalDeadlines = String.join(",", provisional);
    }

    /** The instant the deadline was counted from, when the change under way counted it afresh; else null. */
    public Instant countedAfresh(String name) {
        return countedAfresh.get(name);
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

    public UUID id() {
        return id;
    }

    public UUID complaintId() {
        return complaintId;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String kind() {
        return kind;
    }

    public String channel() {
        return channel;
    }

    public String category() {
        return category;
    }

    public String regionCode() {
        return regionCode;
    }

    public String subjectName() {
        return subjectName;
    }

    public String subjectCreditCode() {
        return subjectCreditCode;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String routingRuleId() {
        return routingRuleId;
    }

    public CaseState state() {
        return state;
    }

    public String outcome() {
        return outcome;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String refusalGround() {
        return refusalGround;
    }

    public String outcomeGround() {
        return outcomeGround;
    }

    public String decisionNumber() {
        return decisionNumber;
    }

    public Long finesFen() {
        return finesFen;
    }

    public Long confiscationsFen() {
        return confiscationsFen;
    }

    public Instant acceptBy() {
        return acceptBy;
    }

    public Instant transferBy() {
        return transferBy;
    }

    public Instant mediationEndsBy() {
        return mediationEndsBy;
    }

    public Instant verifyBy() {
        return verifyBy;
    }

    public Instant verificationExtendedAt() {
        return verificationExtendedAt;
    }

    public String provisionalDeadlines() {
        return provisionalDeadlines;
    }

    public Instant waitingForMaterialsSince() {
        return waitingForMaterialsSince;
    }

    public Short feedbackRating() {
        return feedbackRating;
    }

    public Instant feedbackAt() {
        return feedbackAt;
    }

    public boolean rewardRequested() {
        return rewardRequested;
    }

    public int version() {
        return version;
    }
}
