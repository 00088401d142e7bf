package cn.jxquality.cases.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code calendars.*}: how the official calendars loaded at run time reach every replica and the supervisors. */
@ConfigMapping(prefix = "calendars")
public interface CalendarsConfig {

    /** How often each replica checks whether another one loaded a calendar (then it counts on it from then on). */
    @WithDefault("60s")
    String refreshEvery();

    /** The most moved deadlines a supervisors' notice lists (its {@code movedCount} counts them all). */
    @WithDefault("200")
    int noticeListLimit();
}
