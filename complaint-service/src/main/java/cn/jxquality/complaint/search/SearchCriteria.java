package cn.jxquality.complaint.search;

import cn.jxquality.complaint.intake.MainlandMobile;
import cn.jxquality.complaint.intake.UnifiedSocialCreditCode;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.Problem.Violation;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.text.PlainText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** An operator's search, checked: every parameter optional, every bad one named in a 400. */
public record SearchCriteria(
        String mobile, String trackingNumber, String creditCode, String name, String q, Cursor after, int limit) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern TRACKING_NUMBER = Pattern.compile("^JX\\d{14,15}$");

    /** Parses the raw query parameters, or throws a 400 problem naming each invalid one. */
    public static SearchCriteria parse(
            String mobile,
            String trackingNumber,
            String creditCode,
            String name,
            String q,
            String after,
            String limit) {
        List<Violation> violations = new ArrayList<>();
        String normalisedMobile =
                blank(mobile) ? null : MainlandMobile.normalise(mobile).orElse(null);
        if (!blank(mobile) && normalisedMobile == null) {
            violations.add(new Violation("mobile", "is not a mainland mobile number"));
        }
        String number = blank(trackingNumber) ? null : trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (number != null && !TRACKING_NUMBER.matcher(number).matches()) {
            violations.add(new Violation("trackingNumber", "must look like JX202612070000123"));
        }
        String code = blank(creditCode) ? null : creditCode.strip().toUpperCase(Locale.ROOT);
        if (code != null && !UnifiedSocialCreditCode.isValid(code)) {
            violations.add(new Violation("creditCode", "is not a valid unified social credit code (GB 32100-2015)"));
        }
        checkText("name", name, 1, violations);
        checkText("q", q, 2, violations);
        Cursor cursor = blank(after) ? null : Cursor.decode(after, violations);
        int size = limit(limit, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return new SearchCriteria(
                normalisedMobile,
                number,
                code,
                blank(name) ? null : name.strip(),
                blank(q) ? null : q.strip(),
                cursor,
                size);
    }

    private static void checkText(String field, String value, int minLength, List<Violation> violations) {
        if (blank(value)) {
            return;
        }
        String text = value.strip();
        if (text.length() < minLength || text.length() > 200) {
            violations.add(new Violation(field, "must be " + minLength + " to 200 characters"));
        } else {
            PlainText.problemIn(text, false).ifPresent(problem -> violations.add(new Violation(field, problem)));
        }
    }

    /** A page size from 1 to 100 (default 20), or a violation naming {@code limit}. */
    public static int limit(String limit, List<Violation> violations) {
        if (blank(limit)) {
            return DEFAULT_LIMIT;
        }
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A position in the newest-first order: the last item's time and id, opaque to clients. */
    public record Cursor(Instant receivedAt, UUID id) {

        public String encode() {
            String raw = receivedAt + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor decode(String token, List<Violation> violations) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                violations.add(new Violation("after", "is not a cursor this service handed out"));
                return null;
            }
        }
    }
}
