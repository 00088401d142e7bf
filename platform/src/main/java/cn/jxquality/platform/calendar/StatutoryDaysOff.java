package cn.jxquality.platform.calendar;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.JulianFields;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixed statutory days off of a year (全国年节及纪念日放假办法, as amended in 2024) for a year whose official
 * calendar is not out yet: New Year's Day; Spring Festival eve and the first three lunar days; Qingming;
 * May 1–2; Dragon Boat; Mid-Autumn; October 1–3. Lunar months are numbered by ICU's Chinese calendar and begin
 * on the Beijing date of their new moon ({@link NewMoon}); without the
 * State Council's notice there are no bridged days and no make-up working days.
 */
public final class StatutoryDaysOff {

    /** ICU's extended Chinese year of the lunar year that begins in Gregorian year {@code y} is {@code y + 2637}. */
    private static final int EXTENDED_YEAR_OFFSET = 2637;

    private StatutoryDaysOff() {}

    public static Set<LocalDate> of(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, 1, 1));
        LocalDate springFestival = lunar(year, 1, 1);
        for (int i = -1; i <= 2; i++) {
            days.add(springFestival.plusDays(i));
        }
        days.add(qingming(year));
        days.add(MonthDay.of(5, 1).atYear(year));
        days.add(MonthDay.of(5, 2).atYear(year));
        days.add(lunar(year, 5, 5));
        days.add(lunar(year, 8, 15));
        for (int day = 1; day <= 3; day++) {
            days.add(LocalDate.of(year, 10, day));
        }
        return days;
    }

    /**
     * A day of the lunar year that begins in {@code year}; month 1-based, never a leap month. ICU numbers the
     * months; the day a month begins is the Beijing date of its new moon, computed precisely.
     */
    static LocalDate lunar(int year, int month, int day) {
        return NewMoon.beijingDateNear(icuMonthStart(year, month)).plusDays(day - 1L);
    }

    private static LocalDate icuMonthStart(int year, int month) {
        ChineseCalendar chinese = new ChineseCalendar(TimeZone.GMT_ZONE);
        chinese.clear();
        chinese.set(ChineseCalendar.EXTENDED_YEAR, year + EXTENDED_YEAR_OFFSET);
        chinese.set(ChineseCalendar.MONTH, month - 1);
        chinese.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        chinese.set(ChineseCalendar.DAY_OF_MONTH, 1);
        return LocalDate.MIN.with(JulianFields.JULIAN_DAY, chinese.get(ChineseCalendar.JULIAN_DAY));
    }

    /**
     * The day of the solar term Qingming (sun at 15° ecliptic longitude) in China, by the standard
     * solar-term formula for 2001–2099: day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ with Y the last two digits.
     */
    static LocalDate qingming(int year) {
        if (year < 2001 || year > 2099) {
            throw new IllegalArgumentException("Qingming is computed for 2001–2099 only, not " + year);
        }
        int y = year % 100;
        int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
        return LocalDate.of(year, 4, day);
    }
}
