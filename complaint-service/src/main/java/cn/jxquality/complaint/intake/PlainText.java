package cn.jxquality.complaint.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Free text as we accept it: no markup or script (tags, {@code javascript:} URLs), no control characters
 * (line breaks only where the field is multi-line), no invisible bidirectional overrides, no broken UTF-16.
 */
public final class PlainText {

    /** A tag, comment or processing instruction opening, or a numeric character reference hiding one. */
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z!/?]|&#");

    private PlainText() {}

    /** What is wrong with {@code value}, or empty when it is acceptable (null is acceptable). */
    public static Optional<String> problemIn(String value, boolean multiline) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!allowed(c, multiline) || brokenSurrogate(value, i)) {
                return Optional.of("must not contain control or invisible formatting characters");
            }
        }
        if (MARKUP.matcher(value).find() || hasScriptUrl(value)) {
            return Optional.of("must be plain text, without HTML or script");
        }
        return Optional.empty();
    }

    private static boolean hasScriptUrl(String value) {
        String squeezed = value.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return squeezed.contains("javascript:")
                || squeezed.contains("vbscript:")
                || squeezed.contains("data:text/html");
    }

    private static boolean allowed(char c, boolean multiline) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return multiline;
        }
        if (Character.getType(c) == Character.CONTROL) {
            return false;
        }
        // bidirectional overrides and isolates can make text read differently than it is stored
        return !(c >= '\u202A' && c <= '\u202E') && !(c >= '\u2066' && c <= '\u2069') && c != '\uFEFF';
    }

    private static boolean brokenSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }
}
