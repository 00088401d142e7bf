package cn.jxquality.complaint.contact;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How to reach a complaint's person, and in which language ({@code zh-CN} or {@code en}), for notify-service at send
 * time. The OpenAPI schema says what is always there and what may be null; notify-service's stub of this answer is
 * checked against it ({@code ContactContractTest}).
 */
public record Contact(
        @Schema(required = true) UUID complaintId,

        @Schema(nullable = true, description = "null for an anonymous report")
        String name,

        @Schema(nullable = true) String mobile,
        @Schema(nullable = true) String email,

        @Schema(
                required = true,
                enumeration = {"zh-CN", "en"})
        String language,

        @Schema(required = true) boolean anonymous,

        @Schema(
                required = true,
                description = "false for a mobile given on the web or through Open311 that its owner has not"
                        + " confirmed yet: it may hear only the receipt, which carries the confirmation code")
        boolean mobileConfirmed,

        @Schema(required = true, description = "as mobileConfirmed, for the e-mail address")
        boolean emailConfirmed,

        @Schema(nullable = true, description = "the code the receipt carries while the mobile is not confirmed")
        String mobileConfirmationCode,

        @Schema(nullable = true, description = "the code the receipt carries while the e-mail is not confirmed")
        String emailConfirmationCode) {

    @Override
    public String toString() {
        return "Contact[" + complaintId + ", masked]";
    }
}
