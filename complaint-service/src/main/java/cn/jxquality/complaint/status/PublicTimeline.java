package cn.jxquality.complaint.status;

import cn.jxquality.complaint.intake.PublicStatus;
import java.time.Instant;
import java.util.List;

/** The public status page: current status and the public steps that led there. */
public record PublicTimeline(String trackingNumber, PublicStatus status, List<Step> timeline) {

    /** One public step. */
    public record Step(Instant at, PublicStatus status, String note) {}
}
