package cn.jxquality.platform.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bean Validation for {@link PlainText}: a free-text field without markup, script or control characters; with
 * {@link #linksOnlyToAllowedHosts()}, also without links to hosts other than {@code plain-text.allowed-link-hosts}
 * (comma-separated; by default {@value #DEFAULT_HOSTS}: government sites and our own).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextField.Validator.class)
public @interface PlainTextField {

    /** The hosts links may go to (and those under them) when the configuration names none. */
    String DEFAULT_HOSTS = "gov.cn,jxquality.cn";

    /** Whether line breaks and tabs are allowed. */
    boolean multiline() default false;

    /** Whether links must go to the allowed hosts (text that goes out to citizens). */
    boolean linksOnlyToAllowedHosts() default false;

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports {@link PlainText}'s finding as the violation's message. */
    class Validator implements ConstraintValidator<PlainTextField, String> {

        private boolean multiline;
        private List<String> allowedHosts;

        @Override
        public void initialize(PlainTextField annotation) {
            this.multiline = annotation.multiline();
            this.allowedHosts = annotation.linksOnlyToAllowedHosts()
                    ? Arrays.stream(ConfigProvider.getConfig()
                                    .getOptionalValue("plain-text.allowed-link-hosts", String.class)
                                    .orElse(DEFAULT_HOSTS)
                                    .split(","))
                            .map(host -> host.trim().toLowerCase(Locale.ROOT))
                            .filter(host -> !host.isEmpty())
                            .toList()
                    : null;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> found = PlainText.problemIn(value, multiline);
            if (found.isEmpty() && allowedHosts != null) {
                found = PlainText.linkOutside(value, allowedHosts)
                        .map(link -> "may link only to " + String.join(", ", allowedHosts) + " (not " + link + ")");
            }
            return found.map(problem -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(literal(problem))
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }

        /** The message as it is: what the client wrote ({@code {…}}, {@code $…}) is not a template to interpolate. */
        private static String literal(String message) {
            return message.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
