package cn.jxquality.cases.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.casefile.Deadline;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseDeadlinesTest {

    private final CaseDeadlines deadlines = new CaseDeadlines(DeadlineRulesTest.CALENDAR, DeadlineRulesTest.SEEDED);

    @Test
    void aComplaintReceivedBeforeNationalDayIsAcceptedBy15October() {
        // 2026-09-30 20:00 in Beijing
        Map<String, Deadline> set = deadlines.onReceipt(CaseKind.COMPLAINT, Instant.parse("2026-09-30T12:00:00Z"));
        assertEquals(Set.of(CaseDeadlines.ACCEPT_BY), set.keySet());
        assertEquals(
                Instant.parse("2026-10-15T15:59:59Z"),
                set.get(CaseDeadlines.ACCEPT_BY).due());
        assertFalse(set.get(CaseDeadlines.ACCEPT_BY).provisional());
    }

    @Test
    void theDayIsBeijingsNotUtcs() {
        // 2026-11-24T17:00Z is already Wednesday 25 November in Beijing: 7 working days end on Friday 4 December
        Deadline accept = deadlines
                .onReceipt(CaseKind.COMPLAINT, Instant.parse("2026-11-24T17:00:00Z"))
                .get("acceptBy");
        assertEquals(Instant.parse("2026-12-04T15:59:59Z"), accept.due());
    }

    @Test
    void aReportIsVerifiedWithin15WorkingDaysAndExtendedOnceBy15More() {
        Deadline verify = deadlines
                .onReceipt(CaseKind.REPORT, Instant.parse("2026-09-24T02:00:00Z"))
                .get("verifyBy");
        assertEquals(Instant.parse("2026-10-22T15:59:59Z"), verify.due());
        Deadline extended = deadlines.extendedVerification(verify.due());
        assertEquals(Instant.parse("2026-11-12T15:59:59Z"), extended.due());
    }

    @Test
    void aDeadlineReachingIntoAYearWithoutItsCalendarIsProvisional() {
        Deadline accept = deadlines
                .onReceipt(CaseKind.COMPLAINT, Instant.parse("2026-12-28T02:00:00Z"))
                .get("acceptBy");
        assertEquals(Instant.parse("2027-01-07T15:59:59Z"), accept.due());
        assertTrue(accept.provisional());
    }

    @Test
    void mediationEnds60CalendarDaysAfterAcceptanceWhateverTheCalendar() {
        Deadline mediation = deadlines
                .onAccepted(CaseKind.COMPLAINT, Instant.parse("2026-11-25T03:00:00Z"))
                .get(CaseDeadlines.MEDIATION_ENDS_BY);
        assertEquals(Instant.parse("2027-01-24T15:59:59Z"), mediation.due());
        assertFalse(mediation.provisional());
        assertEquals(Map.of(), deadlines.onAccepted(CaseKind.REPORT, Instant.parse("2026-11-25T03:00:00Z")));
    }

    @Test
    void aWronglyRoutedCaseIsTransferredWithin2WorkingDays() {
        Map<String, Deadline> set = deadlines.onAssigned(CaseKind.REPORT, Instant.parse("2026-09-30T02:00:00Z"), false);
        assertEquals(Set.of(CaseDeadlines.TRANSFER_BY), set.keySet());
        assertEquals(
                Instant.parse("2026-10-09T15:59:59Z"),
                set.get(CaseDeadlines.TRANSFER_BY).due());
    }

    @Test
    void theDepartmentReceivingATransferredComplaintCountsAcceptanceAfresh() {
        Map<String, Deadline> set =
                deadlines.onAssigned(CaseKind.COMPLAINT, Instant.parse("2026-11-25T02:00:00Z"), true);
        assertEquals(
                Instant.parse("2026-11-27T15:59:59Z"),
                set.get(CaseDeadlines.TRANSFER_BY).due());
        assertEquals(
                Instant.parse("2026-12-04T15:59:59Z"),
                set.get(CaseDeadlines.ACCEPT_BY).due());
    }

    @Test
    void waitingForMaterialsOverNationalDayMovesAWorkingDayLimitByTheWorkingDaysWaited() {
        // asked on Wednesday 30 September, materials on Friday 9 October: 8 and 9 October were working days
        Deadline moved = deadlines.resumed(
                CaseDeadlines.ACCEPT_BY,
                Instant.parse("2026-10-15T15:59:59Z"),
                Instant.parse("2026-09-30T02:00:00Z"),
                Instant.parse("2026-10-09T02:00:00Z"));
        assertEquals(Instant.parse("2026-10-19T15:59:59Z"), moved.due());
    }

    @Test
    void waitingForMaterialsMovesTheMediationLimitByCalendarDays() {
        Deadline moved = deadlines.resumed(
                CaseDeadlines.MEDIATION_ENDS_BY,
                Instant.parse("2027-01-24T15:59:59Z"),
                Instant.parse("2026-12-01T02:00:00Z"),
                Instant.parse("2026-12-11T02:00:00Z"));
        assertEquals(Instant.parse("2027-02-03T15:59:59Z"), moved.due());
    }

    @Test
    void materialsArrivingOnTheDayTheyWereAskedForMoveNothing() {
        Instant due = Instant.parse("2026-12-04T15:59:59Z");
        assertEquals(
                due,
                deadlines
                        .resumed(
                                CaseDeadlines.VERIFY_BY,
                                due,
                                Instant.parse("2026-11-25T01:00:00Z"),
                                Instant.parse("2026-11-25T08:00:00Z"))
                        .due());
    }
}
