package cn.jxquality.complaint.reward;

import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A citizen's tracking number and query code as case-service received them with a reward claim. */
public record CredentialCheck(
        @NotBlank @Size(max = 20) @PlainTextField String trackingNumber,
        @NotBlank @Size(max = 32) String queryCode) {

    @Override
    public String toString() {
        return "CredentialCheck[" + trackingNumber + "]";
    }
}
