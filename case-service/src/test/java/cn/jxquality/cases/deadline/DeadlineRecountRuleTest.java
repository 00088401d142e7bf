package cn.jxquality.cases.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.casefile.Deadline;
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

/**
 * {@link CaseDeadlines#recount}: a deadline counted on a provisional year keeps its working days when that year's
 * official calendar arrives, and only which days are working changes. The "official" 2027 here is synthetic (1, 4 and
 * 5 January off), not the State Council's.
 */
class DeadlineRecountRuleTest {

    static final WorkingDayCalendar BEFORE = DeadlineRulesTest.CALENDAR;
    static final WorkingDayCalendar AFTER = withSynthetic2027();

    private final CaseDeadlines deadlines = new CaseDeadlines(BEFORE, DeadlineRulesTest.SEEDED);

    static WorkingDayCalendar withSynthetic2027() {
        String synthetic = """
                date,type,occasion
                2027-01-01,HOLIDAY,synthetic
                2027-01-04,HOLIDAY,synthetic
                2027-01-05,HOLIDAY,synthetic
                """;
        try (InputStream seeded = Files.newInputStream(Path.of("..", "seeds", "calendar", "cn-calendar-2026.csv"))) {
            return WorkingDayCalendar.fromCsv(
                    seeded, new ByteArrayInputStream(synthetic.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAcceptanceLimitReachingIntoTheLoadedYearMovesByItsNewDaysOff() {
        // received Monday 28 December 2026: 29, 30, 31 December and (1 January off) 4 to 7 January, provisionally
        Instant received = Instant.parse("2026-12-28T02:00:00Z");
        Deadline provisional = deadlines.onReceipt(CaseKind.COMPLAINT, received).get(CaseDeadlines.ACCEPT_BY);
        assertEquals(Instant.parse("2027-01-07T15:59:59Z"), provisional.due());
        assertTrue(provisional.provisional());
        Deadline recounted = CaseDeadlines.recount(received, provisional.due(), BEFORE, AFTER);
        // 4 and 5 January are off too: 6, 7, 8 and 11 January
        assertEquals(Instant.parse("2027-01-11T15:59:59Z"), recounted.due());
        assertFalse(recounted.provisional());
    }

    @Test
    void aDeadlineMovedOnByTheDaysWaitedKeepsThemAll() {
        // one working day waited for materials: due 8 January provisionally, its 8 working days from 28 December
        Instant received = Instant.parse("2026-12-28T02:00:00Z");
        Deadline recounted = CaseDeadlines.recount(received, Instant.parse("2027-01-08T15:59:59Z"), BEFORE, AFTER);
        assertEquals(Instant.parse("2027-01-12T15:59:59Z"), recounted.due());
    }

    @Test
    void aCountThatBeginsInTheLoadedYearMovesToo() {
        // assigned on Monday 4 January 2027: transfer by Wednesday 6 provisionally, by Thursday 7 once 5 is off
        Instant assigned = Instant.parse("2027-01-04T02:00:00Z");
        Deadline provisional =
                deadlines.onAssigned(CaseKind.COMPLAINT, assigned, false).get(CaseDeadlines.TRANSFER_BY);
        assertEquals(Instant.parse("2027-01-06T15:59:59Z"), provisional.due());
        assertEquals(
                Instant.parse("2027-01-07T15:59:59Z"),
                CaseDeadlines.recount(assigned, provisional.due(), BEFORE, AFTER)
                        .due());
    }

    @Test
    void aDeadlineBeforeTheLoadedYearDoesNotMove() {
        Instant received = Instant.parse("2026-12-07T02:00:00Z");
        Deadline accept = deadlines.onReceipt(CaseKind.COMPLAINT, received).get(CaseDeadlines.ACCEPT_BY);
        Deadline recounted = CaseDeadlines.recount(received, accept.due(), BEFORE, AFTER);
        assertEquals(accept.due(), recounted.due());
        assertFalse(recounted.provisional());
    }

    @Test
    void aDeadlineTheNewDaysOffDoNotReachStaysButIsNoLongerProvisional() {
        // received 14 January 2027: 7 working days end on 25 January either way
        Instant received = Instant.parse("2027-01-14T02:00:00Z");
        Deadline accept = deadlines.onReceipt(CaseKind.COMPLAINT, received).get(CaseDeadlines.ACCEPT_BY);
        assertTrue(accept.provisional());
        Deadline recounted = CaseDeadlines.recount(received, accept.due(), BEFORE, AFTER);
        assertEquals(Instant.parse("2027-01-25T15:59:59Z"), recounted.due());
        assertEquals(accept.due(), recounted.due());
        assertFalse(recounted.provisional());
    }

    @Test
    void aFreshCountRemembersWhereItBeganAndAMoveOnDoesNot() {
        Instant received = Instant.parse("2026-11-02T02:00:00Z");
        Deadline verify = deadlines.onReceipt(CaseKind.REPORT, received).get(CaseDeadlines.VERIFY_BY);
        assertEquals(received, verify.countedFrom());
        assertEquals(null, deadlines.extendedVerification(verify.due()).countedFrom());
        assertEquals(
                null,
                deadlines
                        .resumed(CaseDeadlines.VERIFY_BY, verify.due(), received, received.plusSeconds(86400 * 3))
                        .countedFrom());
    }
}
