package cn.jxquality.complaint.reward;

import cn.jxquality.complaint.intake.IdType;
import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A claimant's name and identity document, to be compared with the record's sealed person. */
public record IdentityCheck(
        @NotNull UUID complaintId,
        @NotBlank @Size(max = 100) @PlainTextField String name,
        @NotNull IdType idType,

        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "^[0-9A-Za-z()（）-]*$", message = "must hold letters, digits and dashes only")
        String idNumber) {

    @Override
    public String toString() {
        return "IdentityCheck[" + complaintId + ", masked]";
    }
}
