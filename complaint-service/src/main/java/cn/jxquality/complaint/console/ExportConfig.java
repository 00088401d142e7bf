package cn.jxquality.complaint.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code console.export.*}: how many rows a CSV export reads per step. */
@ConfigMapping(prefix = "console.export")
public interface ExportConfig {

    /** Complaints read from this service's database per step. */
    @WithDefault("1000")
    int complaintBatch();

    /** Cases asked of case-service per call. */
    @WithDefault("200")
    int caseBatch();
}
