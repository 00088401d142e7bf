package cn.jxquality.complaint.odr;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** {@code odr.*}: the register of ODR enterprises, the calendar their time limits count on, and the scan. */
@ConfigMapping(prefix = "odr")
public interface OdrConfig {

    /** The register under {@code seeds/}. */
    @WithDefault("odr-enterprises.yaml")
    String registerFile();

    /** The official working-day calendars under {@code seeds/}, as case-service reads them. */
    @WithDefault("calendar/cn-calendar-2026.csv")
    List<String> calendarFiles();

    /** Working days the enterprise has to record its outcome (DESIGN §4: 10). */
    @WithDefault("10")
    int answerWorkingDays();

    /** Working days the citizen has to confirm or dispute a settlement before it stands. */
    @WithDefault("10")
    int citizenWorkingDays();

    /** How often {@link OdrScan} looks for what time has ended ({@code ODR_SCAN_EVERY}). */
    @WithDefault("30s")
    String scanEvery();

    /** At most this many referrals are ended by one scan. */
    @WithDefault("200")
    int scanBatch();
}
