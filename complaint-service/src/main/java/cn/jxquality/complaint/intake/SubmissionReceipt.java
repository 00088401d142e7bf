package cn.jxquality.complaint.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the submitter gets back once: the query code is never shown again. */
public record SubmissionReceipt(
        String trackingNumber,
        String queryCode,
        PublicStatus status,
        Instant receivedAt,

        @Schema(description = "Only for COMPLAINT_AND_REPORT: the receipt of the linked report record")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<SubmissionReceipt> linked) {

    /** The receipt of a single record. */
    public SubmissionReceipt(String trackingNumber, String queryCode, PublicStatus status, Instant receivedAt) {
        this(trackingNumber, queryCode, status, receivedAt, null);
    }

    SubmissionReceipt withLinked(SubmissionReceipt other) {
        return new SubmissionReceipt(trackingNumber, queryCode, status, receivedAt, List.of(other));
    }
}
