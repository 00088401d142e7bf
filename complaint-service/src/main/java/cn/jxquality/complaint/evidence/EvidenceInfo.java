package cn.jxquality.complaint.evidence;

import java.time.Instant;
import java.util.UUID;

/** An evidence file as the API shows it; {@code id} downloads it (staff only). */
public record EvidenceInfo(
        UUID id, String fileName, String mediaType, long sizeBytes, String sha256, Instant uploadedAt) {

    static EvidenceInfo of(EvidenceFile f) {
        return new EvidenceInfo(f.id, f.fileName, f.mediaType, f.sizeBytes, f.sha256, f.uploadedAt);
    }
}
