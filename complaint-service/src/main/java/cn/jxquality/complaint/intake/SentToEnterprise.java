package cn.jxquality.complaint.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code complaint.sent-to-enterprise.v1} (schema: {@code events/complaint.sent-to-enterprise.v1.json}),
 * published instead of {@code complaint.received.v1} for a complaint sent to an ODR enterprise first. The writing
 * statement adds the tracking number and any link, as for the received event. No personal data.
 */
public record SentToEnterprise(
        UUID complaintId,
        String trackingNumber,
        String category,
        String regionCode,
        Enterprise enterprise,
        Instant sentAt,
        Instant dueAt) {

    public static final String TYPE = "complaint.sent-to-enterprise.v1";

    /** The enterprise, with the e-mail address notify-service tells it at. */
    public record Enterprise(String creditCode, String name, String email) {}

    static SentToEnterprise of(Complaint c, EnterpriseFirst.Enterprise enterprise, Instant dueAt) {
        return new SentToEnterprise(
                c.id,
                c.trackingNumber,
                c.category,
                c.subjectRegionCode,
                new Enterprise(enterprise.creditCode(), enterprise.name(), enterprise.email()),
                c.receivedAt,
                dueAt);
    }
}
