package cn.jxquality.complaint.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code console.export.*}: how many rows a CSV export reads per step, and when a running one counts as stalled. */
@ConfigMapping(prefix = "console.export")
public interface ExportConfig {

    /** Complaints read from this service's database per step. */
    @WithDefault("1000")
    int complaintBatch();

    /** Cases asked of case-service per call. */
    @WithDefault("200")
    int caseBatch();

    /**
     * A running export not moved on for this long has lost its runner (its instance stopped) and is paused for its
     * requester to resume; a step of a live runner takes seconds.
     */
    @WithDefault("2M")
    Duration stalledAfter();
}
