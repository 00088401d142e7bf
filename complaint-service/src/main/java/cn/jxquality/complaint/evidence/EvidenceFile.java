package cn.jxquality.complaint.evidence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One evidence file of a record: what it is (by content), how big, its digest; the content is in the store. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "complaint_id", nullable = false)
    UUID complaintId;

    @Column(name = "file_name", nullable = false)
    String fileName;

    @Column(name = "media_type", nullable = false)
    String mediaType;

    @Column(name = "size_bytes", nullable = false)
    long sizeBytes;

    @Column(nullable = false)
    String sha256;

    @Column(name = "key_id", nullable = false)
    String keyId;

    @Column(name = "uploaded_by")
    String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    Instant uploadedAt;
}
