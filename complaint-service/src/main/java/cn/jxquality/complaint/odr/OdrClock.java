package cn.jxquality.complaint.odr;

import cn.jxquality.platform.calendar.WorkingDayCalendar;
import cn.jxquality.platform.seed.SeedFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The ODR time limits on the working-day calendar case-service counts on (the same seed files, the same
 * {@link WorkingDayCalendar}): a limit of n working days from a moment ends when the n-th working day after that
 * day ends in Beijing, as the department's limits do.
 */
@ApplicationScoped
public class OdrClock {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar;
    private final OdrConfig config;

    OdrClock(SeedFiles seeds, OdrConfig config) {
        this.calendar = WorkingDayCalendar.fromCsv(
                config.calendarFiles().stream().map(seeds::open).toArray(InputStream[]::new));
        this.config = config;
    }

    /** When the enterprise's time to answer a complaint sent at {@code sentAt} runs out. */
    public Instant answerDue(Instant sentAt) {
        return after(sentAt, config.answerWorkingDays());
    }

    /** When a settlement reported at {@code respondedAt} stands unless the citizen disputes it. */
    public Instant citizenDue(Instant respondedAt) {
        return after(respondedAt, config.citizenWorkingDays());
    }

    Instant after(Instant start, int workingDays) {
        LocalDate last = calendar.addWorkingDays(start.atZone(BEIJING).toLocalDate(), workingDays);
        return last.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    /** The day a limit ending at {@code end} is shown as: its last day, in Beijing. */
    public static LocalDate lastDay(Instant end) {
        return end.atZone(BEIJING).toLocalDate().minusDays(1);
    }
}
