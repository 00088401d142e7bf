package cn.jxquality.complaint.idempotency;

import cn.jxquality.platform.problem.ProblemException;

/** A client's {@code Idempotency-Key}: 1 to 100 printable ASCII characters, e.g. a UUID. */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 100;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !printable(value)) {
            throw ProblemException.invalid(
                    HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters without spaces");
        }
    }

    /** The key of a header value, or null when the header is absent. */
    public static IdempotencyKey ofHeader(String header) {
        return header == null ? null : new IdempotencyKey(header);
    }

    private static boolean printable(String value) {
        return value.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }
}
