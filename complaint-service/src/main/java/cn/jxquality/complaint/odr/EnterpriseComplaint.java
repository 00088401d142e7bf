package cn.jxquality.complaint.odr;

import cn.jxquality.complaint.intake.Remedy;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A complaint as its ODR enterprise sees it: what happened and what the citizen asks for; never the ID number or
 * the citizen's address, and their name, mobile and e-mail only when they agreed to share them (a mobile or e-mail
 * typed on the web only once its owner confirmed it).
 */
public record EnterpriseComplaint(
        @Schema(required = true) String trackingNumber,
        @Schema(required = true) OdrState state,
        @Schema(required = true) Instant sentAt,

        @Schema(required = true, description = "the enterprise answers before this instant (10 working days)")
        Instant dueAt,

        @Schema(required = true) String category,

        @Schema(required = true, description = "the business named in the complaint")
        String subjectName,

        @Schema(nullable = true) LocalDate occurredOn,
        @Schema(nullable = true) String productOrService,
        @Schema(nullable = true) Long amountFen,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) Remedy remedy,

        @Schema(nullable = true, description = "null unless the citizen agreed to share it")
        SharedContact contact,

        @Schema(nullable = true) Response response,

        @Schema(nullable = true, description = "the citizen's answer to a settlement")
        CitizenAnswer citizenAnswer) {

    /** The last day the enterprise may answer, in Beijing. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(hidden = true)
    public LocalDate dueDay() {
        return OdrClock.lastDay(dueAt);
    }

    /** The contact the citizen agreed to share. */
    public record SharedContact(
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String mobile,
            @Schema(nullable = true) String email) {

        @Override
        public String toString() {
            return "SharedContact[masked]";
        }
    }

    /** The enterprise's recorded outcome. */
    public record Response(
            @Schema(required = true) boolean settled,
            @Schema(nullable = true) String agreement,
            @Schema(nullable = true) String reason,
            @Schema(required = true) Instant respondedAt,

            @Schema(nullable = true, description = "the citizen confirms or disputes by then")
            Instant answerBy) {}

    /** The citizen's answer: confirmed, disputed, or (byCitizen false) let stand. */
    public record CitizenAnswer(
            @Schema(required = true) boolean accepted,
            @Schema(required = true) boolean byCitizen,
            @Schema(required = true) Instant answeredAt) {}
}
