package cn.jxquality.complaint.odr;

import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The enterprise's outcome: settled, with what was agreed; or not settled, with why. */
public record EnterpriseResponse(
        @NotNull Outcome outcome,

        @Schema(description = "required when SETTLED: what was agreed (refund, repair, exchange, amount…)")
        @Size(max = 2000)
        @PlainTextField(multiline = true)
        String agreement,

        @Schema(description = "required when NOT_SETTLED: why no settlement was reached")
        @Size(max = 2000)
        @PlainTextField(multiline = true)
        String reason) {

    /** The two outcomes DESIGN §4 names. */
    public enum Outcome {
        SETTLED,
        NOT_SETTLED
    }
}
