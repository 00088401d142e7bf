package cn.jxquality.complaint.feedback;

import cn.jxquality.complaint.intake.ComplaintKind;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the {@code complaint.feedback-given.v1} event (schema: {@code events/complaint.feedback-given.v1.json}).
 * The comment stays here: free text may hold personal data.
 */
public record FeedbackGiven(
        UUID complaintId, String trackingNumber, ComplaintKind kind, int rating, boolean hasComment, Instant givenAt) {

    public static final String TYPE = "complaint.feedback-given.v1";
}
