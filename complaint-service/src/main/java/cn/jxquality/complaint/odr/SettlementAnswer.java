package cn.jxquality.complaint.odr;

import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The citizen's answer to a settlement the enterprise reported, proven by the query code. */
public record SettlementAnswer(
        @NotBlank @Size(max = 32) String queryCode,

        @Schema(
                description =
                        "true confirms the settlement; false disputes it and sends the complaint to the department")
        @NotNull
        Boolean accept,

        @Size(max = 1000) @PlainTextField(multiline = true) String comment) {

    @Override
    public String toString() {
        return "SettlementAnswer[" + accept + "]";
    }
}
