package cn.jxquality.cases.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.platform.calendar.WorkingDayCalendar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time limits come from {@code seeds/deadlines.yaml}: what the file says is what the clocks count. */
class DeadlineRulesTest {

    static final DeadlineRules SEEDED = seeded();

    /** The seeds' official 2026 calendar. */
    static final WorkingDayCalendar CALENDAR = calendar2026();

    static WorkingDayCalendar calendar2026() {
        try (java.io.InputStream csv = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("..", "seeds", "calendar", "cn-calendar-2026.csv"))) {
            return WorkingDayCalendar.fromCsv(csv);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static DeadlineRules seeded() {
        try {
            return DeadlineRules.fromYaml(Files.newInputStream(Path.of("..", "seeds", "deadlines.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSeedsHoldTheLegalLimitsOfDesign4() {
        assertEquals(new DeadlineRules(7, 60, 15, 15, 2), SEEDED);
    }

    @Test
    void aLimitChangedInTheSeedsIsTheLimitTheClocksCount() {
        DeadlineRules shorter = DeadlineRules.fromYaml(yaml("""
                acceptWorkingDays: 3
                mediationCalendarDays: 30
                verifyWorkingDays: 10
                verificationExtensionWorkingDays: 5
                transferWorkingDays: 1
                """));
        CaseDeadlines deadlines = new CaseDeadlines(CALENDAR, shorter);
        // received Wednesday 25 November 2026 (Beijing): 3 working days end on Monday 30 November
        Instant received = Instant.parse("2026-11-25T02:00:00Z");

        assertEquals(
                Instant.parse("2026-11-30T15:59:59Z"),
                deadlines
                        .onReceipt(CaseKind.COMPLAINT, received)
                        .get(CaseDeadlines.ACCEPT_BY)
                        .due());
        assertEquals(
                Instant.parse("2026-12-25T15:59:59Z"),
                deadlines
                        .onAccepted(CaseKind.COMPLAINT, received)
                        .get(CaseDeadlines.MEDIATION_ENDS_BY)
                        .due());
        assertEquals(
                Instant.parse("2026-11-26T15:59:59Z"),
                deadlines
                        .onAssigned(CaseKind.COMPLAINT, received, false)
                        .get(CaseDeadlines.TRANSFER_BY)
                        .due());
    }

    @Test
    void anUnknownAMissingOrANonPositiveLimitIsRefused() {
        assertThrows(UncheckedIOException.class, () -> DeadlineRules.fromYaml(yaml("""
                acceptWorkingDays: 7
                acceptWorkingDayz: 7
                mediationCalendarDays: 60
                verifyWorkingDays: 15
                verificationExtensionWorkingDays: 15
                transferWorkingDays: 2
                """)));
        assertThrows(UncheckedIOException.class, () -> DeadlineRules.fromYaml(yaml("""
                acceptWorkingDays: 7
                mediationCalendarDays: 60
                verifyWorkingDays: 15
                verificationExtensionWorkingDays: 15
                """)));
        assertThrows(UncheckedIOException.class, () -> DeadlineRules.fromYaml(yaml("""
                acceptWorkingDays: 0
                mediationCalendarDays: 60
                verifyWorkingDays: 15
                verificationExtensionWorkingDays: 15
                transferWorkingDays: 2
                """)));
    }

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
