package cn.jxquality.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * China's working days: the State Council's calendar for the years loaded (holidays and make-up working days),
 * and for any other year Monday to Friday less the fixed statutory days off ({@link StatutoryDaysOff}) —
 * such a year is <em>provisional</em> until its official calendar is loaded.
 */
public final class WorkingDayCalendar {

    /** How a day differs from the Monday-to-Friday rule. */
    enum DayType {
        HOLIDAY,
        MAKEUP_WORKDAY
    }

    private final Map<LocalDate, DayType> official;
    private final Set<Integer> officialYears;
    private final Map<Integer, Set<LocalDate>> provisionalDaysOff = new ConcurrentHashMap<>();

    WorkingDayCalendar(Map<LocalDate, DayType> official) {
        this.official = Map.copyOf(official);
        Set<Integer> years = new HashSet<>();
        official.keySet().forEach(day -> years.add(day.getYear()));
        this.officialYears = Set.copyOf(years);
    }

    /** Reads files of {@code date,type,occasion} rows ({@code type} HOLIDAY or MAKEUP_WORKDAY) after a header line. */
    public static WorkingDayCalendar fromCsv(InputStream... files) {
        Map<LocalDate, DayType> days = new HashMap<>();
        for (InputStream csv : files) {
            read(csv, days);
        }
        return new WorkingDayCalendar(days);
    }

    private static void read(InputStream csv, Map<LocalDate, DayType> days) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] fields = line.split(",", 3);
                days.put(LocalDate.parse(fields[0].trim()), DayType.valueOf(fields[1].trim()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the State Council's calendar for the year is loaded. */
    public boolean isOfficial(int year) {
        return officialYears.contains(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (isOfficial(day.getYear())) {
            DayType type = official.get(day);
            return type == DayType.MAKEUP_WORKDAY || type == null && isWeekday(day);
        }
        return isWeekday(day)
                && !provisionalDaysOff
                        .computeIfAbsent(day.getYear(), StatutoryDaysOff::of)
                        .contains(day);
    }

    /** The {@code count}-th working day after {@code start}; the start day itself never counts. */
    public LocalDate addWorkingDays(LocalDate start, int count) {
        LocalDate day = start;
        for (int counted = 0; counted < count; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** True when any day from {@code from} to {@code to} lies in a year without the official calendar. */
    public boolean isProvisionalBetween(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!isOfficial(year)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
