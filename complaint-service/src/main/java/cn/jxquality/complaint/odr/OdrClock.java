package cn.jxquality.complaint.odr;

import cn.jxquality.platform.calendar.WorkingDayCalendar;
import cn.jxquality.platform.seed.SeedFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ODR time limits on the working-day calendar case-service counts on: the same seed files, the same
 * {@link WorkingDayCalendar}, and the official years an administrator loads there at run time
 * ({@link OdrCalendars}). A limit of n working days from a moment ends when the n-th working day after that day ends
 * in Beijing, as the department's limits do.
 */
@ApplicationScoped
public class OdrClock {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SeedFiles seeds;
    private final OdrConfig config;
    private final AtomicReference<WorkingDayCalendar> calendar = new AtomicReference<>();

    OdrClock(SeedFiles seeds, OdrConfig config) {
        this.seeds = seeds;
        this.config = config;
        this.calendar.set(calendarWith(Map.of()));
    }

    /** When the enterprise's time to answer a complaint sent at {@code sentAt} runs out. */
    public Instant answerDue(Instant sentAt) {
        return answerDue(calendar.get(), sentAt);
    }

    /** When a settlement reported at {@code respondedAt} stands unless the citizen disputes it. */
    public Instant citizenDue(Instant respondedAt) {
        return citizenDue(calendar.get(), respondedAt);
    }

    Instant answerDue(WorkingDayCalendar on, Instant sentAt) {
        return after(on, sentAt, config.answerWorkingDays());
    }

    Instant citizenDue(WorkingDayCalendar on, Instant respondedAt) {
        return after(on, respondedAt, config.citizenWorkingDays());
    }

    /**
     * The seeds' calendars with {@code loaded}'s years (each a list of {@code date,type} rows) in place of the
     * seeds' file of the same year, as case-service builds its own.
     */
    WorkingDayCalendar calendarWith(Map<Integer, List<String>> loaded) {
        List<InputStream> files = new ArrayList<>();
        for (String file : config.calendarFiles()) {
            String year = file.replaceAll("\\D", "");
            if (year.length() >= 4 && loaded.containsKey(Integer.parseInt(year.substring(year.length() - 4)))) {
                continue;
            }
            files.add(seeds.open(file));
        }
        loaded.values()
                .forEach(rows -> files.add(new ByteArrayInputStream(
                        ("date,type,occasion\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8))));
        return WorkingDayCalendar.fromCsv(files.toArray(InputStream[]::new));
    }

    /** From now on, the limits count on {@code next}. */
    void use(WorkingDayCalendar next) {
        calendar.set(next);
    }

    private static Instant after(WorkingDayCalendar on, Instant start, int workingDays) {
        LocalDate last = on.addWorkingDays(start.atZone(BEIJING).toLocalDate(), workingDays);
        return last.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    /** The day a limit ending at {@code end} is shown as: its last day, in Beijing. */
    public static LocalDate lastDay(Instant end) {
        return end.atZone(BEIJING).toLocalDate().minusDays(1);
    }
}
