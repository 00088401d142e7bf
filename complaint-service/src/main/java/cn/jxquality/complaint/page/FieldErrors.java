package cn.jxquality.complaint.page;

import cn.jxquality.platform.problem.Problem.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What is wrong with a form, field by field, as the page shows it next to each input: every rule the services
 * enforce (Bean Validation, the intake rules, the evidence checks, another service's problem details) translated
 * into a kind of problem the reader's language has words for.
 */
public final class FieldErrors {

    /** The kinds of problems a field can have; each has a sentence in each language ({@code common:error}). */
    public enum Kind {
        REQUIRED,
        TOO_LONG,
        CHOICE,
        FORMAT,
        DATE,
        FUTURE_DATE,
        TOO_EARLY,
        AMOUNT,
        NEGATIVE,
        EMAIL,
        MOBILE,
        CREDIT_CODE,
        REGION,
        CATEGORY,
        PLAIN_TEXT,
        ANONYMOUS_COMPLAINT,
        REPORT_ONLY,
        COMPLAINT_ONLY,
        ODR_NOT_REGISTERED,
        ID_TYPE_MISSING,
        ID_NUMBER,
        EVIDENCE_TYPE,
        EVIDENCE_SIZE,
        EVIDENCE_EMPTY,
        EVIDENCE_COUNT,
        TRACKING_NUMBER,
        ACCOUNT_HOLDER,
        MONTH,
        ACCOUNT_NUMBER,
        RATING,
        INVALID
    }

    /** One problem: the form field it belongs to and its kind ({@code limit}: the length for TOO_LONG). */
    public record Problem(String field, Kind kind, int limit) {

        public Problem(String field, Kind kind) {
            this(field, kind, 0);
        }
    }

    /** Rules whose English message names them, in the order they are tried. */
    private static final List<Map.Entry<String, Kind>> BY_MESSAGE = List.of(
            Map.entry("is required", Kind.REQUIRED),
            Map.entry("only reports may be anonymous", Kind.ANONYMOUS_COMPLAINT),
            Map.entry("applies to reports only", Kind.REPORT_ONLY),
            Map.entry("applies to complaints only", Kind.COMPLAINT_ONLY),
            Map.entry("not in the ODR register", Kind.ODR_NOT_REGISTERED),
            Map.entry("with an ID number", Kind.ID_TYPE_MISSING),
            Map.entry("GB 11643", Kind.ID_NUMBER),
            Map.entry("passport number", Kind.ID_NUMBER),
            Map.entry("permit number", Kind.ID_NUMBER),
            Map.entry("permanent resident ID number", Kind.ID_NUMBER),
            Map.entry("unified social credit code", Kind.CREDIT_CODE),
            Map.entry("mainland mobile", Kind.MOBILE),
            Map.entry("region code", Kind.REGION),
            Map.entry("category", Kind.CATEGORY),
            Map.entry("must not be before", Kind.TOO_EARLY),
            Map.entry("plain text", Kind.PLAIN_TEXT),
            Map.entry("control or invisible", Kind.PLAIN_TEXT),
            Map.entry("not an image, PDF", Kind.EVIDENCE_TYPE),
            Map.entry("but its content is", Kind.EVIDENCE_TYPE),
            Map.entry("larger than", Kind.EVIDENCE_SIZE),
            Map.entry("is empty", Kind.EVIDENCE_EMPTY),
            Map.entry("files per submission", Kind.EVIDENCE_COUNT),
            Map.entry("evidence files", Kind.EVIDENCE_COUNT),
            Map.entry("tracking number", Kind.TRACKING_NUMBER),
            Map.entry("JX and 15 digits", Kind.TRACKING_NUMBER),
            Map.entry("claimant's own account", Kind.ACCOUNT_HOLDER),
            Map.entry("8 to 30 digits", Kind.ACCOUNT_NUMBER));

    private final Map<String, Problem> byField = new LinkedHashMap<>();

    /** The first problem of each field counts; the reader fixes one thing at a time. */
    public FieldErrors add(Problem problem) {
        byField.putIfAbsent(problem.field(), problem);
        return this;
    }

    public FieldErrors addAll(Collection<Problem> problems) {
        problems.forEach(this::add);
        return this;
    }

    /** Bean Validation's findings, each placed with {@code fieldOf} (request path → form field). */
    public FieldErrors addConstraints(
            Collection<? extends ConstraintViolation<?>> violations, UnaryOperator<String> fieldOf) {
        for (ConstraintViolation<?> violation : violations) {
            String field = fieldOf.apply(violation.getPropertyPath().toString());
            add(new Problem(field, kindOf(violation), limitOf(violation)));
        }
        return this;
    }

    /** Problem-detail violations (from a rule or another service), each placed with {@code fieldOf}. */
    public FieldErrors addViolations(Collection<Violation> violations, UnaryOperator<String> fieldOf) {
        for (Violation violation : violations) {
            add(new Problem(fieldOf.apply(violation.field()), kindOf(violation.message())));
        }
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<Problem> problems() {
        return new ArrayList<>(byField.values());
    }

    /** The reader's sentences, by form field, in form order as the problems were found. */
    public Map<String, String> in(CommonMessages messages) {
        Map<String, String> sentences = new LinkedHashMap<>();
        byField.forEach((field, problem) -> sentences.put(
                field,
                problem.kind() == Kind.TOO_LONG ? messages.tooLong(problem.limit()) : messages.error(problem.kind())));
        return sentences;
    }

    static Kind kindOf(String englishMessage) {
        String message = englishMessage == null ? "" : englishMessage;
        return BY_MESSAGE.stream()
                .filter(rule -> message.contains(rule.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(Kind.INVALID);
    }

    private static Kind kindOf(ConstraintViolation<?> violation) {
        Class<? extends Annotation> rule =
                violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (rule == NotNull.class || rule == NotBlank.class) {
            return Kind.REQUIRED;
        }
        if (rule == Size.class) {
            return Kind.TOO_LONG;
        }
        if (rule == Email.class) {
            return Kind.EMAIL;
        }
        if (rule == PastOrPresent.class) {
            return Kind.FUTURE_DATE;
        }
        if (rule == PositiveOrZero.class) {
            return Kind.NEGATIVE;
        }
        if (rule == Min.class || rule == Max.class) {
            return Kind.RATING;
        }
        Kind named = kindOf(violation.getMessage());
        return named == Kind.INVALID && rule == Pattern.class ? Kind.FORMAT : named;
    }

    private static int limitOf(ConstraintViolation<?> violation) {
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        return max instanceof Integer limit ? limit : 0;
    }
}
