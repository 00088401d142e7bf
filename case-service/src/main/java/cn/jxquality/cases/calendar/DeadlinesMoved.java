package cn.jxquality.cases.calendar;

import cn.jxquality.cases.deadline.MovedDeadline;
import java.time.Instant;
import java.util.List;

/**
 * {@code case.deadlines-moved.v1} (schema in {@code events/}): a year's official calendar was loaded and moved running
 * deadlines; for the supervisors' notice. {@code movedCount} counts every moved deadline, {@code cases} lists the
 * first {@code calendars.notice-list-limit} of them (soonest new due first). Kafka key {@code calendar:<year>}, no
 * subject: it is about no single complaint. No personal data.
 */
public record DeadlinesMoved(int year, Instant loadedAt, int movedCount, List<MovedDeadline> cases) {

    public static final String TYPE = "case.deadlines-moved.v1";

    static String key(int year) {
        return "calendar:" + year;
    }
}
