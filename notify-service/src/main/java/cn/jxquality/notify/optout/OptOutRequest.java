package cn.jxquality.notify.optout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A citizen's request to hear no more about one complaint: its tracking number and the code from a message. */
public record OptOutRequest(
        @NotBlank @Pattern(regexp = "JX\\d{14,15}", message = "must be a tracking number such as JX202612070000001")
        String trackingNumber,

        @NotBlank @Size(max = 16) String optOutCode) {}
