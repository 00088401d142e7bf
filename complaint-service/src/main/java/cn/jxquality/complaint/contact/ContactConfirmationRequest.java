package cn.jxquality.complaint.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A citizen confirming the mobile ({@code SMS}) or e-mail ({@code EMAIL}) they gave, with the code its receipt carried. */
public record ContactConfirmationRequest(
        @NotNull ContactConfirmations.Medium medium,
        @NotBlank @Size(max = 16) String code) {

    @Override
    public String toString() {
        return "ContactConfirmationRequest[" + medium + ", code=masked]";
    }
}
