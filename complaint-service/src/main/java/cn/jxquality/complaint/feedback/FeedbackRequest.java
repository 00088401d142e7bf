package cn.jxquality.complaint.feedback;

import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The citizen's follow-up rating: proven by the query code, 1 (very dissatisfied) to 5 (very satisfied). */
public record FeedbackRequest(
        @NotBlank @Size(max = 32) String queryCode,
        @NotNull @Min(1) @Max(5) Integer rating,
        @Size(max = 500) @PlainTextField(multiline = true) String comment) {

    @Override
    public String toString() {
        return "FeedbackRequest[rating=" + rating + ", queryCode=masked]";
    }
}
