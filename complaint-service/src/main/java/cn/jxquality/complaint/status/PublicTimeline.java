package cn.jxquality.complaint.status;

import cn.jxquality.complaint.intake.ComplaintKind;
import cn.jxquality.complaint.intake.PublicStatus;
import java.time.Instant;
import java.util.List;

/**
 * The public status page: current status and the public steps that led there, what kind of record it is, when it
 * was received and which department handles it now (null until routed).
 */
public record PublicTimeline(
        String trackingNumber,
        PublicStatus status,
        List<Step> timeline,
        ComplaintKind kind,
        Instant receivedAt,
        String departmentCode) {

    /** One public step. */
    public record Step(Instant at, PublicStatus status, String note) {}
}
