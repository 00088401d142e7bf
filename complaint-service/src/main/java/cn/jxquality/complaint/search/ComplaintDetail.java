package cn.jxquality.complaint.search;

import cn.jxquality.complaint.feedback.Feedback;
import cn.jxquality.complaint.intake.Channel;
import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.ComplaintKind;
import cn.jxquality.complaint.intake.LinkReason;
import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.complaint.intake.Remedy;
import cn.jxquality.complaint.intake.SubmissionRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A complaint as staff open it, with the decrypted person; every one served leaves an audit row. */
public record ComplaintDetail(
        UUID id,
        String trackingNumber,
        ComplaintKind kind,
        Channel channel,
        String category,
        SubmissionRequest.Subject subject,
        LocalDate occurredOn,
        String productOrService,
        Long amountFen,
        String description,
        Remedy remedy,
        SubmissionRequest.Consents consents,
        boolean anonymous,
        boolean rewardRequested,
        PublicStatus status,
        Instant receivedAt,
        UUID linkedComplaintId,
        String linkedTrackingNumber,
        LinkReason linkReason,
        SubmissionRequest.Person person,
        Rating feedback) {

    /** The citizen's follow-up rating, once given. */
    public record Rating(int rating, String comment, Instant givenAt) {}

    static ComplaintDetail of(
            Complaint c, SubmissionRequest.Person person, String linkedTrackingNumber, Feedback feedback) {
        return new ComplaintDetail(
                c.id(),
                c.trackingNumber(),
                c.kind(),
                c.channel(),
                c.category(),
                new SubmissionRequest.Subject(
                        c.subjectName(),
                        c.subjectCreditCode(),
                        c.subjectAddress(),
                        c.subjectRegionCode(),
                        c.subjectOnlinePlatform()),
                c.occurredOn(),
                c.productOrService(),
                c.amountFen(),
                c.description(),
                c.remedy(),
                new SubmissionRequest.Consents(c.consentPublish(), c.consentEntrustedMediation()),
                c.anonymous(),
                c.rewardRequested(),
                c.status(),
                c.receivedAt(),
                c.linkedComplaintId(),
                linkedTrackingNumber,
                c.linkReason(),
                person,
                feedback == null ? null : new Rating(feedback.rating(), feedback.comment(), feedback.givenAt()));
    }
}
