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
        Instant receivedAt,
        Odr odr) {

    public static final String TYPE = "complaint.received.v1";

    /**
     * Present when the complaint went to an ODR enterprise first and that ended without a settlement: the case
     * opens now and its deadlines start at {@code endedAt}.
     */
    public record Odr(
            String enterpriseCreditCode,
            String enterpriseName,
            Instant sentAt,
            Instant dueAt,
            Instant respondedAt,
            Instant endedAt,
            String ending) {}

    /** The business, with the region it operates in (jurisdiction follows it). */
    public record Subject(String name, String creditCode, String regionCode, String onlinePlatform) {}

    static ComplaintReceived of(Complaint c) {
        return of(c, null);
    }

    /** The event for a complaint whose ODR ended unsettled: the department takes it over now. */
    public static ComplaintReceived afterOdr(Complaint c, Odr odr) {
        return of(c, odr);
    }

    private static ComplaintReceived of(Complaint c, Odr odr) {
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
                c.receivedAt,
                odr);
    }
}
