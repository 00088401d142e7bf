package cn.jxquality.complaint.intake;

import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint or report as a citizen or an operator submits it (DESIGN §3, §10). */
public record SubmissionRequest(
        @Schema(description = "COMPLAINT_AND_REPORT registers two linked records: the complaint and the report")
        @NotNull
        SubmissionKind kind,

        @NotNull Channel channel,

        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "^[A-Z_]+\\.[A-Z_]+$", message = "must be a category code such as PRODUCT.FOOD")
        String category,

        @NotNull @Valid Subject subject,
        @PastOrPresent LocalDate occurredOn,
        @Size(max = 200) @PlainTextField String productOrService,
        @PositiveOrZero Long amountFen,

        @NotBlank @Size(max = 5000) @PlainTextField(multiline = true)
        String description,

        Remedy remedy,
        @Valid Consents consents,
        @Valid Person person,
        boolean anonymous,
        boolean rewardRequested,

        @Schema(
                description = "ODR, enterprise first (DESIGN §4): a complaint about an enterprise in the ODR register"
                        + " (GET /api/v1/odr/enterprises) may go to the enterprise first, which answers within 10"
                        + " working days; the department takes it only if that fails")
        @Valid
        Odr odr,

        @Schema(description = "The citizen's language for notices: zh-CN (default) or en")
        @Pattern(regexp = "^(zh-CN|en)$", message = "must be zh-CN or en")
        String language) {

    /** The language notices use when the submission names none. */
    public static final String DEFAULT_LANGUAGE = "zh-CN";

    /** The chosen language, or the default. */
    public String languageOrDefault() {
        return language == null ? DEFAULT_LANGUAGE : language;
    }

    /** The business the submission is about. */
    public record Subject(
            @NotBlank @Size(max = 200) @PlainTextField String name,
            @Size(max = 18) String creditCode,
            @Size(max = 300) @PlainTextField String address,

            @NotBlank @Pattern(regexp = "^36\\d{4}$", message = "must be a 6-digit Jiangxi region code (36xxxx)")
            String regionCode,

            @Size(max = 200) @PlainTextField String onlinePlatform) {}

    /**
     * The citizen's choice to send the complaint to the enterprise first, and whether the enterprise may see their
     * name and (confirmed) mobile and e-mail to negotiate; without that it sees the complaint only.
     */
    public record Odr(boolean enterpriseFirst, boolean shareContact) {}

    /** Whether the citizen chose to send it to the enterprise first. */
    public boolean enterpriseFirst() {
        return odr != null && odr.enterpriseFirst();
    }

    /** What the complainant agrees to. */
    public record Consents(boolean publish, boolean entrustedMediation) {}

    /** The person behind the submission; encrypted at rest, never in logs or events. */
    public record Person(
            @Size(max = 100) @PlainTextField String name,
            @Size(max = 20) String mobile,
            IdType idType,

            @Size(max = 32)
            @Pattern(regexp = "^[0-9A-Za-z()（）-]*$", message = "must hold letters, digits and dashes only")
            String idNumber,

            @Size(max = 300) @PlainTextField String address,
            @Email @Size(max = 254) @PlainTextField String email) {

        @Override
        public String toString() {
            return "Person[masked]";
        }
    }
}
