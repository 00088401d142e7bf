package cn.jxquality.complaint.intake;

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
import java.util.UUID;

/** A complaint or report as received. Personal data is only here sealed; see {@code personal}. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "tracking_number", nullable = false, unique = true)
    String trackingNumber;

    @Column(name = "query_code_hash", nullable = false)
    byte[] queryCodeHash;

    /** The id of the key {@link #queryCodeHash} was made with. */
    @Column(name = "query_code_key_id", nullable = false)
    String queryCodeKeyId;

    @Enumerated(EnumType.STRING)
    ComplaintKind kind;

    @Enumerated(EnumType.STRING)
    Channel channel;

    String category;

    @Column(name = "subject_name")
    String subjectName;

    @Column(name = "subject_credit_code")
    String subjectCreditCode;

    @Column(name = "subject_address")
    String subjectAddress;

    @Column(name = "subject_region_code")
    String subjectRegionCode;

    @Column(name = "subject_online_platform")
    String subjectOnlinePlatform;

    @Column(name = "occurred_on")
    LocalDate occurredOn;

    @Column(name = "product_or_service")
    String productOrService;

    @Column(name = "amount_fen")
    Long amountFen;

    String description;

    @Enumerated(EnumType.STRING)
    Remedy remedy;

    @Column(name = "consent_publish")
    boolean consentPublish;

    @Column(name = "consent_entrusted_mediation")
    boolean consentEntrustedMediation;

    boolean anonymous;

    @Column(name = "reward_requested")
    boolean rewardRequested;

    @Column(name = "person_ciphertext")
    byte[] personCiphertext;

    @Column(name = "person_key_id")
    String personKeyId;

    @Column(name = "mobile_blind_index")
    byte[] mobileBlindIndex;

    @Column(name = "id_number_blind_index")
    byte[] idNumberBlindIndex;

    /** The id of the key the blind indexes were made with. */
    @Column(name = "index_key_id", nullable = false)
    String indexKeyId;

    /** Whether the citizen must confirm the mobile and e-mail they gave before any message but the first goes there. */
    @Column(name = "contact_confirmation_required", nullable = false)
    boolean contactConfirmationRequired;

    @Column(name = "linked_complaint_id")
    UUID linkedComplaintId;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_reason")
    LinkReason linkReason;

    /** {@link SubjectName#key} of the business name, compared when looking for duplicates. */
    @Column(name = "subject_name_key")
    String subjectNameKey;

    /** Who registered it: the operator's user name, {@code open311:<client>}, or null for an anonymous web user. */
    @Column(name = "submitted_by")
    String submittedBy;

    @Enumerated(EnumType.STRING)
    PublicStatus status;

    /** The department handling it now, as the case events last named it; null until routed. */
    @Column(name = "department_code")
    String departmentCode;

    @Column(name = "received_at")
    Instant receivedAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    /** The citizen's language for notices: {@code zh-CN} or {@code en}. */
    String language;

    @Version
    int version;

    public UUID id() {
        return id;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public ComplaintKind kind() {
        return kind;
    }

    public Channel channel() {
        return channel;
    }

    public String category() {
        return category;
    }

    public String subjectName() {
        return subjectName;
    }

    public String subjectCreditCode() {
        return subjectCreditCode;
    }

    public String subjectAddress() {
        return subjectAddress;
    }

    public String subjectRegionCode() {
        return subjectRegionCode;
    }

    public String subjectOnlinePlatform() {
        return subjectOnlinePlatform;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public String productOrService() {
        return productOrService;
    }

    public Long amountFen() {
        return amountFen;
    }

    public String description() {
        return description;
    }

    public Remedy remedy() {
        return remedy;
    }

    public boolean consentPublish() {
        return consentPublish;
    }

    public boolean consentEntrustedMediation() {
        return consentEntrustedMediation;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public boolean rewardRequested() {
        return rewardRequested;
    }

    public UUID linkedComplaintId() {
        return linkedComplaintId;
    }

    public LinkReason linkReason() {
        return linkReason;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public PublicStatus status() {
        return status;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
