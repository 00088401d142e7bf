package cn.jxquality.complaint.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of the {@code complaint.received.v1} event (schema: {@code events/complaint.received.v1.json}).
 * It names the business, never the person.
 */
public record ComplaintReceived(
        UUID complaintId,
        String trackingNumber,
        ComplaintKind kind,
        Channel channel,
        String category,
        Subject subject,
        LocalDate occurredOn,
        Long amountFen,
        boolean anonymous,
        boolean rewardRequested,
        UUID linkedComplaintId,
        LinkReason linkReason,
        Instant receivedAt) {

    public static final String TYPE = "complaint.received.v1";

    /** The business, with the region it operates in (jurisdiction follows it). */
    public record Subject(String name, String creditCode, String regionCode, String onlinePlatform) {}

    static ComplaintReceived of(Complaint c) {
        return new ComplaintReceived(
                c.id,
                c.trackingNumber,
                c.kind,
                c.channel,
                c.category,
                new Subject(c.subjectName, c.subjectCreditCode, c.subjectRegionCode, c.subjectOnlinePlatform),
                c.occurredOn,
                c.amountFen,
                c.anonymous,
                c.rewardRequested,
                c.linkedComplaintId,
                c.linkReason,
                c.receivedAt);
    }
}
