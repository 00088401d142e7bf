package cn.jxquality.cases.deadline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** {@code deadlines.*}: the calendar the clocks count on and how the schedulers scan. */
@ConfigMapping(prefix = "deadlines")
public interface DeadlinesConfig {

    /** Working-day calendars under {@code seeds/}, one per year. */
    @WithDefault("calendar/cn-calendar-2026.csv")
    List<String> calendarFiles();

    /** The time limits under {@code seeds/} ({@link DeadlineRules}). */
    @WithDefault("deadlines.yaml")
    String rulesFile();

    /** Cases (or escalations) taken per scan step. */
    @WithDefault("100")
    int batchSize();

    /** The working days an escalation gives the department before it is reported overdue itself. */
    @WithDefault("5")
    int escalationWorkingDays();

    /** How often the deadline and escalation scans run ({@code off} in tests, which run them by hand). */
    @WithDefault("30s")
    String scanEvery();
}
