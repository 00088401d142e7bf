package cn.jxquality.complaint.status;

import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a citizen types on the public status page. */
public record StatusLookup(
        @NotBlank @Size(max = 20) @PlainTextField String trackingNumber,
        @NotBlank @Size(max = 32) String queryCode) {

    @Override
    public String toString() {
        return "StatusLookup[" + trackingNumber + "]";
    }
}
