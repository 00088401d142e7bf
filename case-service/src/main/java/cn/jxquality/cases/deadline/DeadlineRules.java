package cn.jxquality.cases.deadline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The legal time limits of DESIGN §4 as values, read from {@code seeds/deadlines.yaml} (each figure with its legal
 * source beside it there), so that a change in the law is a change of data, not of code.
 */
public record DeadlineRules(
        int acceptWorkingDays,
        int mediationCalendarDays,
        int verifyWorkingDays,
        int verificationExtensionWorkingDays,
        int transferWorkingDays) {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public DeadlineRules {
        if (acceptWorkingDays <= 0
                || mediationCalendarDays <= 0
                || verifyWorkingDays <= 0
                || verificationExtensionWorkingDays <= 0
                || transferWorkingDays <= 0) {
            throw new IllegalArgumentException(
                    "every time limit in the deadline rules must be a positive number of days");
        }
    }

    /** Reads the rules from a YAML document shaped like {@code seeds/deadlines.yaml}; unknown or missing keys are refused. */
    public static DeadlineRules fromYaml(InputStream yaml) {
        try (yaml) {
            return YAML.readValue(yaml, DeadlineRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
