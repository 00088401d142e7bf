package cn.jxquality.cases.calendar;

import cn.jxquality.cases.deadline.MovedDeadline;
import java.time.Instant;
import java.util.List;

/**
 * The answer to a calendar load: the year now official, its days, and the running deadlines it moved ({@code
 * movedCount} all of them, {@code moved} the first of them, as the supervisors' notice lists them), and the reward
 * claim windows it extended ({@code claimWindowsExtended}; a window never shrinks).
 */
public record CalendarLoaded(
        int year,
        Instant loadedAt,
        String loadedBy,
        int holidays,
        int makeUpWorkdays,
        int movedCount,
        List<MovedDeadline> moved,
        int claimWindowsExtended) {}
