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
    public UUID id;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    @Column(name = "query_code_hash", nullable = false)
    public byte[] queryCodeHash;

    @Enumerated(EnumType.STRING)
    public ComplaintKind kind;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String category;

    @Column(name = "subject_name")
    public String subjectName;

    @Column(name = "subject_credit_code")
    public String subjectCreditCode;

    @Column(name = "subject_address")
    public String subjectAddress;

    @Column(name = "subject_region_code")
    public String subjectRegionCode;

    @Column(name = "subject_online_platform")
    public String subjectOnlinePlatform;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "product_or_service")
    public String productOrService;

    @Column(name = "amount_fen")
    public Long amountFen;

    public String description;

    @Enumerated(EnumType.STRING)
    public Remedy remedy;

    @Column(name = "consent_publish")
    public boolean consentPublish;

    @Column(name = "consent_entrusted_mediation")
    public boolean consentEntrustedMediation;

    public boolean anonymous;

    @Column(name = "reward_requested")
    public boolean rewardRequested;

    @Column(name = "person_ciphertext")
    public byte[] personCiphertext;

    @Column(name = "person_key_id")
    public String personKeyId;

    @Column(name = "mobile_blind_index")
    public byte[] mobileBlindIndex;

    @Column(name = "id_number_blind_index")
    public byte[] idNumberBlindIndex;

    @Column(name = "linked_complaint_id")
    public UUID linkedComplaintId;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_reason")
    public LinkReason linkReason;

    /** {@link SubjectName#key} of the business name, compared when looking for duplicates. */
    @Column(name = "subject_name_key")
    public String subjectNameKey;

    /** Who registered it: the operator's user name, {@code open311:<client>}, or null for an anonymous web user. */
    @Column(name = "submitted_by")
    public String submittedBy;

    @Enumerated(EnumType.STRING)
    public PublicStatus status;

    /** The department handling it now, as the case events last named it; null until routed. */
    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The citizen's language for notices: {@code zh-CN} or {@code en}. */
    public String language;

    @Version
    public int version;
}
