package cn.jxquality.platform.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text as we accept it: no markup or script (tags, {@code javascript:} URLs), no control characters
 * (line breaks only where the field is multi-line), no invisible bidirectional overrides, no broken UTF-16. Text that
 * goes out to citizens (a department's public note becomes a timeline step and an SMS) may also be held to links to
 * allowed hosts only ({@link #linkOutside}): a message from a government office must not carry a stranger's link.
 */
public final class PlainText {

    /** A tag, comment or processing instruction opening, or a numeric character reference hiding one. */
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z!/?]|&#");

    /** What a phone makes a link of: a URL with a scheme, or a name starting with {@code www.}; up to its path. */
    private static final Pattern LINK = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*://|www\\.)[^\\s/?#\\\\]*");

    /** The host a link's authority names: after any {@code user@}, a run of letters, digits, dots and dashes. */
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.-]*");

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

    /**
     * The first link in {@code value} to a host that is not one of {@code allowedHosts} or under one (a host
     * {@code x.gov.cn} is under {@code gov.cn}), or empty. A link whose host cannot be read (an internationalised
     * name, {@code https://gov.cn@stranger.example} naming another host) counts as outside.
     */
    public static Optional<String> linkOutside(String value, List<String> allowedHosts) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(value);
        while (link.find()) {
            String authority = link.group().replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", "");
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            Matcher host = HOST.matcher(authority);
            String name = host.find() ? host.group().toLowerCase(Locale.ROOT) : "";
            while (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            String checked = name;
            if (checked.isEmpty()
                    || allowedHosts.stream().noneMatch(h -> checked.equals(h) || checked.endsWith("." + h))) {
                return Optional.of(link.group());
            }
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
