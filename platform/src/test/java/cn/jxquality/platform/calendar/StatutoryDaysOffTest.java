package cn.jxquality.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatutoryDaysOffTest {

    @ParameterizedTest(name = "{0}: Spring Festival {1}, Dragon Boat {2}, Mid-Autumn {3}, Qingming {4}")
    @CsvSource({
        // published dates of the festivals
        "2024, 2024-02-10, 2024-06-10, 2024-09-17, 2024-04-04",
        "2025, 2025-01-29, 2025-05-31, 2025-10-06, 2025-04-04",
        "2026, 2026-02-17, 2026-06-19, 2026-09-25, 2026-04-05",
        "2027, 2027-02-06, 2027-06-09, 2027-09-15, 2027-04-05",
        "2028, 2028-01-26, 2028-05-28, 2028-10-03, 2028-04-04",
    })
    void lunarFestivalsAndQingmingAreComputed(
            int year, LocalDate spring, LocalDate dragonBoat, LocalDate midAutumn, LocalDate qingming) {
        assertEquals(spring, StatutoryDaysOff.lunar(year, 1, 1));
        assertEquals(dragonBoat, StatutoryDaysOff.lunar(year, 5, 5));
        assertEquals(midAutumn, StatutoryDaysOff.lunar(year, 8, 15));
        assertEquals(qingming, StatutoryDaysOff.qingming(year));
    }

    @Test
    void theYearHasItsThirteenStatutoryDaysOffIncludingSpringFestivalEve() {
        Set<LocalDate> days = StatutoryDaysOff.of(2027);
        assertEquals(13, days.size());
        assertEquals(
                Set.of(
                        LocalDate.of(2027, 2, 5),
                        LocalDate.of(2027, 2, 6),
                        LocalDate.of(2027, 2, 7),
                        LocalDate.of(2027, 2, 8)),
                Set.copyOf(days.stream()
                        .filter(d -> d.getMonth() == Month.FEBRUARY)
                        .toList()));
    }

    @Test
    void theStatutoryDaysOf2026AreAllInTheOfficial2026Calendar() {
        WorkingDayCalendar official = WorkingDayCalendarTest.CALENDAR;
        for (LocalDate day : StatutoryDaysOff.of(2026)) {
            assertFalse(official.isWorkingDay(day), day + " is a statutory day off");
        }
    }

    @Test
    void qingmingOutsideTheFormulasCenturyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StatutoryDaysOff.qingming(2100));
    }
}
