package cn.jxquality.cases.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A year's calendar file is taken whole or not at all, and what is wrong is named by line and field. */
class CalendarFileTest {

    @Test
    void theSeedsCalendarIsAValidFileOfItsYear() throws IOException {
        List<CalendarDay> days =
                CalendarFile.read(Files.readString(Path.of("..", "seeds", "calendar", "cn-calendar-2026.csv")), 2026);
        assertEquals(
                33,
                days.stream().filter(d -> d.type() == CalendarDay.Type.HOLIDAY).count());
        assertEquals(
                6,
                days.stream()
                        .filter(d -> d.type() == CalendarDay.Type.MAKEUP_WORKDAY)
                        .count());
        assertEquals(
                new CalendarDay(LocalDate.of(2026, 1, 4), CalendarDay.Type.MAKEUP_WORKDAY, "元旦 New Year's Day"),
                days.stream()
                        .filter(d -> d.date().equals(LocalDate.of(2026, 1, 4)))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void aByteOrderMarkBlankLinesAndWindowsLineEndsAreFine() {
        List<CalendarDay> days =
                CalendarFile.read("\uFEFFdate,type,occasion\r\n2027-01-01,HOLIDAY,元旦, New Year\r\n\r\n", 2027);
        assertEquals(
                List.of(new CalendarDay(LocalDate.of(2027, 1, 1), CalendarDay.Type.HOLIDAY, "元旦, New Year")), days);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "date,type,occasion\\n2026-12-31,HOLIDAY,x | lines[2].date | not in 2027",
                "date,type,occasion\\n2027-02-30,HOLIDAY,x | lines[2].date | not a date",
                "date,type,occasion\\n2027-01-01,HOLIDAY,x\\n2027-01-01,HOLIDAY,y | lines[3].date | on line 2 too",
                "date,type,occasion\\n2027-01-01,FESTIVAL,x | lines[2].type | not HOLIDAY or MAKEUP_WORKDAY",
                "date,type,occasion\\n2027-01-06,MAKEUP_WORKDAY,x | lines[2].type | Saturday or Sunday",
                "date,type,occasion\\n2027-01-01 | lines[2] | date,type,occasion",
                "2027-01-01,HOLIDAY,x | lines[1] | the header",
                "date,type,occasion | body | lists no day",
                "'' | body | is empty"
            })
    void aBadFileIsRefusedNamingTheLineAndField(String csv, String field, String message) {
        CalendarFile.InvalidCalendarException refused = assertThrows(
                CalendarFile.InvalidCalendarException.class, () -> CalendarFile.read(csv.replace("\\n", "\n"), 2027));
        assertEquals(field, refused.violations().get(0).field());
        assertEquals(
                true,
                refused.violations().get(0).message().contains(message),
                refused.violations().toString());
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        CalendarFile.InvalidCalendarException refused = assertThrows(
                CalendarFile.InvalidCalendarException.class,
                () -> CalendarFile.read("date,type,occasion\n2026-01-01,HOLIDAY,x\n2027-01-02,NONE,y\n", 2027));
        assertEquals(
                List.of("lines[2].date", "lines[3].type"),
                refused.violations().stream().map(CalendarFile.Violation::field).toList());
    }
}
