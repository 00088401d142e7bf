package cn.jxquality.complaint.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The throttle on public status lookups (DESIGN §8). */
@ConfigMapping(prefix = "status-lookup")
public interface StatusLookupConfig {

    /** Failed lookups per tracking number, and per client, that close the door for the rest of the window. */
    @WithDefault("10")
    int maxFailures();

    /** How long a failed lookup counts. */
    @WithDefault("PT15M")
    Duration window();
}
