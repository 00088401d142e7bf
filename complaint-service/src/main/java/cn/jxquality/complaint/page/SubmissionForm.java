package cn.jxquality.complaint.page;

import cn.jxquality.complaint.intake.Channel;
import cn.jxquality.complaint.intake.IdType;
import cn.jxquality.complaint.intake.Remedy;
import cn.jxquality.complaint.intake.SubmissionKind;
import cn.jxquality.complaint.intake.SubmissionRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The intake form as a browser posts it (the public page and the operators' call intake share it): every value as
 * typed, so a form with errors comes back filled in. Checkboxes are {@code on} when ticked.
 */
public class SubmissionForm {

    /** Form field → the intake request's field, for naming a problem next to the right input. */
    static final Map<String, String> REQUEST_FIELDS = Map.ofEntries(
            Map.entry("subject.name", "subjectName"),
            Map.entry("subject.creditCode", "creditCode"),
            Map.entry("subject.address", "subjectAddress"),
            Map.entry("subject.regionCode", "regionCode"),
            Map.entry("subject.onlinePlatform", "onlinePlatform"),
            Map.entry("subject", "subjectName"),
            Map.entry("person", "personName"),
            Map.entry("person.name", "personName"),
            Map.entry("person.mobile", "mobile"),
            Map.entry("person.idType", "idType"),
            Map.entry("person.idNumber", "idNumber"),
            Map.entry("person.address", "personAddress"),
            Map.entry("person.email", "email"),
            Map.entry("consents", "consentPublish"),
            Map.entry("odr", "enterpriseFirst"),
            Map.entry("odr.enterpriseFirst", "enterpriseFirst"),
            Map.entry("amountFen", "amountYuan"),
            Map.entry("language", "kind"));

    @RestForm
    public String kind;

    @RestForm
    public String channel;

    @RestForm
    public String category;

    @RestForm
    public String subjectName;

    @RestForm
    public String creditCode;

    @RestForm
    public String regionCode;

    @RestForm
    public String subjectAddress;

    @RestForm
    public String onlinePlatform;

    @RestForm
    public String occurredOn;

    @RestForm
    public String productOrService;

    @RestForm
    public String amountYuan;

    @RestForm
    public String description;

    @RestForm
    public String remedy;

    @RestForm
    public String consentPublish;

    @RestForm
    public String consentMediation;

    @RestForm
    public String personName;

    @RestForm
    public String mobile;

    @RestForm
    public String idType;

    @RestForm
    public String idNumber;

    @RestForm
    public String personAddress;

    @RestForm
    public String email;

    @RestForm
    public String anonymous;

    @RestForm
    public String rewardRequested;

    @RestForm
    public String enterpriseFirst;

    @RestForm
    public String shareContact;

    @RestForm
    public String idempotencyKey;

    /** An empty form, as a page first shows it. */
    public static SubmissionForm blank(String idempotencyKey) {
        SubmissionForm form = new SubmissionForm();
        form.kind = SubmissionKind.COMPLAINT.name();
        form.idempotencyKey = idempotencyKey;
        return form;
    }

    /** The form field in which a problem with the intake request's {@code field} is shown. */
    public static String formField(String requestField) {
        if (requestField.startsWith("file")) {
            return "evidence";
        }
        return REQUEST_FIELDS.getOrDefault(requestField, requestField);
    }

    /** The typed values as an intake request, or the fields that cannot even be read (a date, an amount). */
    public Parsed parse(Channel onChannel, String language) {
        List<FieldErrors.Problem> problems = new ArrayList<>();
        SubmissionKind submissionKind = choice(SubmissionKind.class, kind, "kind", problems);
        Remedy chosenRemedy = choice(Remedy.class, remedy, "remedy", problems);
        IdType chosenIdType = choice(IdType.class, idType, "idType", problems);
        LocalDate occurred = date(occurredOn, problems);
        Long amountFen = fen(amountYuan, problems);
        boolean isAnonymous = ticked(anonymous);
        SubmissionRequest.Person person = isAnonymous && submissionKind == SubmissionKind.REPORT && noPerson()
                ? null
                : new SubmissionRequest.Person(
                        text(personName),
                        text(mobile),
                        chosenIdType,
                        upper(idNumber),
                        text(personAddress),
                        text(email));
        SubmissionRequest request = new SubmissionRequest(
                submissionKind,
                onChannel,
                text(category),
                new SubmissionRequest.Subject(
                        text(subjectName),
                        upper(creditCode),
                        text(subjectAddress),
                        text(regionCode),
                        text(onlinePlatform)),
                occurred,
                text(productOrService),
                amountFen,
                description == null ? null : description.strip(),
                submissionKind == null || submissionKind.includesComplaint() ? chosenRemedy : null,
                new SubmissionRequest.Consents(ticked(consentPublish), ticked(consentMediation)),
                person,
                isAnonymous,
                ticked(rewardRequested),
                ticked(enterpriseFirst) ? new SubmissionRequest.Odr(true, ticked(shareContact)) : null,
                language);
        return new Parsed(request, problems);
    }

    /** The intake request, with the problems found while reading the form (empty when it read cleanly). */
    public record Parsed(SubmissionRequest request, List<FieldErrors.Problem> problems) {}

    public boolean isTicked(String value) {
        return ticked(value);
    }

    private boolean noPerson() {
        return text(personName) == null && text(mobile) == null && text(idNumber) == null && text(email) == null;
    }

    private static <E extends Enum<E>> E choice(
            Class<E> type, String value, String field, List<FieldErrors.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldErrors.Problem(field, FieldErrors.Kind.CHOICE));
            return null;
        }
    }

    private static LocalDate date(String value, List<FieldErrors.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldErrors.Problem("occurredOn", FieldErrors.Kind.DATE));
            return null;
        }
    }

    /** Yuan as typed ({@code 1299}, {@code 1,299.50}, {@code ¥12}) to integer fen; more than two decimals is a typo. */
    static Long fen(String value, List<FieldErrors.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits =
                value.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "");
        try {
            BigDecimal yuan = new BigDecimal(digits);
            if (yuan.scale() > 2 || yuan.signum() < 0 || yuan.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
                throw new NumberFormatException(value);
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new FieldErrors.Problem("amountYuan", FieldErrors.Kind.AMOUNT));
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static boolean ticked(String value) {
        return value != null && !value.isBlank();
    }
}
