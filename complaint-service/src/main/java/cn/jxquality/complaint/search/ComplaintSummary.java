package cn.jxquality.complaint.search;

import cn.jxquality.complaint.intake.Channel;
import cn.jxquality.complaint.intake.ComplaintKind;
import cn.jxquality.complaint.intake.LinkReason;
import cn.jxquality.complaint.intake.PublicStatus;
import java.time.Instant;
import java.util.UUID;

/** One search hit as an operator's list shows it: the person only as a masked mobile. */
public record ComplaintSummary(
        UUID id,
        String trackingNumber,
        ComplaintKind kind,
        Channel channel,
        String category,
        Subject subject,
        PublicStatus status,
        Instant receivedAt,
        UUID linkedComplaintId,
        String linkedTrackingNumber,
        LinkReason linkReason,
        String maskedMobile) {

    /** The business, as far as a list needs it. */
    public record Subject(String name, String creditCode, String regionCode) {}
}
