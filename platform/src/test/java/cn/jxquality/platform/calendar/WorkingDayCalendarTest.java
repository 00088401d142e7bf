package cn.jxquality.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    /** The repository's real 2026 calendar. */
    static final WorkingDayCalendar CALENDAR = seeded();

    static WorkingDayCalendar seeded() {
        try (InputStream csv = Files.newInputStream(Path.of("..", "seeds", "calendar", "cn-calendar-2026.csv"))) {
            return WorkingDayCalendar.fromCsv(csv);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
        "2026-01-01, false", // New Year's Day, a Thursday
        "2026-01-02, false", // bridged Friday
        "2026-01-04, true", // make-up Sunday
        "2026-02-14, true", // make-up Saturday before the Spring Festival
        "2026-02-16, false", // Spring Festival eve, a Monday
        "2026-02-23, false", // last day of the Spring Festival break, a Monday
        "2026-02-24, true",
        "2026-02-28, true", // make-up Saturday
        "2026-04-06, false", // Qingming break, Monday
        "2026-05-05, false",
        "2026-05-09, true", // make-up Saturday
        "2026-06-19, false", // Dragon Boat, Friday
        "2026-09-20, true", // make-up Sunday
        "2026-09-25, false", // Mid-Autumn, Friday
        "2026-10-07, false",
        "2026-10-08, true",
        "2026-10-10, true", // make-up Saturday
        "2026-10-11, false", // an ordinary Sunday
        "2026-11-25, true", // an ordinary Wednesday
        "2026-11-28, false", // an ordinary Saturday
    })
    void the2026CalendarFollowsTheStateCouncilNotice(LocalDate day, boolean working) {
        assertEquals(working, CALENDAR.isWorkingDay(day));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2026-09-30, 7, 2026-10-15", // over the National Day break, counting make-up Saturday 10 October
        "2026-09-30, 2, 2026-10-09",
        "2026-09-24, 15, 2026-10-22", // over Mid-Autumn and National Day
        "2026-02-13, 7, 2026-03-02", // make-up Saturdays 14 and 28 February count, the Spring Festival does not
        "2026-04-30, 7, 2026-05-13", // over Labour Day, counting make-up Saturday 9 May
        "2026-11-25, 7, 2026-12-04", // an ordinary fortnight
        "2026-10-03, 1, 2026-10-08", // received on a holiday: the first working day after it
        "2026-12-28, 7, 2027-01-07", // into 2027: New Year's Day off by statute
        "2027-02-03, 7, 2027-02-16", // 2027 Spring Festival: eve 5 Feb and 6-8 Feb off by statute
        "2027-09-14, 1, 2027-09-16", // 2027 Mid-Autumn, 15 September
    })
    void workingDaysAreCountedFromTheDayAfter(LocalDate start, int days, LocalDate expected) {
        assertEquals(expected, CALENDAR.addWorkingDays(start, days));
    }

    @Test
    void onlyTheLoadedYearIsOfficial() {
        assertTrue(CALENDAR.isOfficial(2026));
        assertFalse(CALENDAR.isOfficial(2027));
        assertFalse(CALENDAR.isProvisionalBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 15)));
        assertTrue(CALENDAR.isProvisionalBetween(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 7)));
    }

    @Test
    void aYearWithoutItsCalendarIsMondayToFridayLessTheStatutoryDaysOff() {
        assertFalse(CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 1))); // Friday, New Year's Day
        assertFalse(CALENDAR.isWorkingDay(LocalDate.of(2027, 4, 5))); // Monday, Qingming
        assertFalse(CALENDAR.isWorkingDay(LocalDate.of(2027, 6, 9))); // Wednesday, Dragon Boat
        assertFalse(CALENDAR.isWorkingDay(LocalDate.of(2027, 10, 1)));
        assertTrue(CALENDAR.isWorkingDay(LocalDate.of(2027, 10, 4))); // Monday: no bridging without the notice
        assertTrue(CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 4)));
        assertFalse(CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 9))); // Saturday: no make-up days without the notice
    }
}
