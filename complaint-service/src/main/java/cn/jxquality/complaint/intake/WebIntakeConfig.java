package cn.jxquality.complaint.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The rate limit on anonymous web submissions (channel WEB without a login). */
@ConfigMapping(prefix = "intake.web-rate")
public interface WebIntakeConfig {

    /** Anonymous web submissions one client may register within the window. */
    @WithDefault("20")
    int maxSubmissions();

    /** The window the limit counts over. */
    @WithDefault("PT1H")
    Duration window();
}
