package cn.jxquality.cases.calendar;

import java.time.LocalDate;

/** A day that differs from Monday to Friday in an official calendar: a holiday, or a weekend day worked instead. */
public record CalendarDay(LocalDate date, Type type, String occasion) {

    /** The types of the seeds' calendar files. */
    public enum Type {
        HOLIDAY,
        MAKEUP_WORKDAY
    }

    /** The day as a row of the seeds' format, {@code date,type,occasion}. */
    String csvRow() {
        return date + "," + type + "," + occasion;
    }
}
