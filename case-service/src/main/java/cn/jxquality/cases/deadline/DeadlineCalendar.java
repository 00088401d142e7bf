package cn.jxquality.cases.deadline;

import cn.jxquality.platform.calendar.WorkingDayCalendar;
import cn.jxquality.platform.seed.SeedFiles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.util.List;

/** Builds the working-day calendar from the seeds' official calendars and hands out the deadline rules of the seeds. */
@ApplicationScoped
public class DeadlineCalendar {

    private final SeedFiles seeds;
    private final List<String> files;
    private final String rulesFile;

    DeadlineCalendar(SeedFiles seeds, DeadlinesConfig config) {
        this.seeds = seeds;
        this.files = config.calendarFiles();
        this.rulesFile = config.rulesFile();
    }

    @Produces
    @Singleton
    CaseDeadlines caseDeadlines() {
        WorkingDayCalendar calendar =
                WorkingDayCalendar.fromCsv(files.stream().map(seeds::open).toArray(InputStream[]::new));
        DeadlineRules rules = DeadlineRules.fromYaml(seeds.open(rulesFile));
        Log.infof("Working-day calendar loaded from %s, time limits from %s: %s", files, rulesFile, rules);
        return new CaseDeadlines(calendar, rules);
    }
}
