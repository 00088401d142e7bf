package cn.jxquality.complaint.intake;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland China mobile number, normalised to its 11 digits. */
public final class MainlandMobile {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("^1[3-9]\\d{9}$");

    private MainlandMobile() {}

    /** The 11-digit number after stripping spaces, dashes and a {@code +86}/{@code 86} prefix, if it is one. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return ELEVEN_DIGITS.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** {@code 13812345678} → {@code 138****5678}, for logs and screens that need no more. */
    public static String mask(String mobile) {
        return mobile == null || mobile.length() < 7
                ? "***"
                : mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
