package cn.jxquality.complaint.personal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read of a reporter's identity: who, when, which complaint, what for and why. Written in the read's transaction. */
@Entity
@Table(name = "identity_access_audit")
public class IdentityAccess extends PanacheEntityBase {

    /** What the identity was read for. */
    public enum Purpose {
        /** An operator or supervisor opened the complaint with its person. */
        OPERATOR_VIEW,
        /** A service (notify-service) fetched the contact to send a message. */
        CONTACT,
        /** A service (case-service) verified a citizen's tracking number and query code for a reward claim. */
        CREDENTIAL_CHECK,
        /** A service (case-service) checked a claimant's name and ID number against the sealed person. */
        IDENTITY_CHECK,
        /** A service (case-service) fetched the identity for a reward officer ({@code onBehalfOf}). */
        REWARD_VIEW,
        /** A member of staff downloaded an evidence file (often an ID card or a receipt); the reason names the file. */
        EVIDENCE_DOWNLOAD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "complaint_id", nullable = false)
    UUID complaintId;

    @Column(nullable = false)
    String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Purpose purpose;

    String reason;

    /** The person a service read the identity for (the reward officer behind case-service), if any. */
    @Column(name = "on_behalf_of")
    String onBehalfOf;

    @Column(name = "accessed_at", nullable = false)
    Instant accessedAt;

    /** Must run in the transaction that reads the identity, so no read goes unrecorded. */
    public static Uni<IdentityAccess> record(UUID complaintId, String actor, Purpose purpose, String reason) {
        return record(complaintId, actor, purpose, reason, null);
    }

    /** As {@link #record(UUID, String, Purpose, String)}, for a service reading on behalf of a named person. */
    public static Uni<IdentityAccess> record(
            UUID complaintId, String actor, Purpose purpose, String reason, String onBehalfOf) {
        IdentityAccess access = new IdentityAccess();
        access.onBehalfOf = onBehalfOf;
        access.complaintId = complaintId;
        access.actor = actor;
        access.purpose = purpose;
        access.reason = reason;
        access.accessedAt = Instant.now();
        return access.persist();
    }
}
