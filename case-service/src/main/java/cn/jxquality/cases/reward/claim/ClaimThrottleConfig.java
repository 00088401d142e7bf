package cn.jxquality.cases.reward.claim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code rewards.claims.*}: wrong credentials per tracking number, and per client, before a 429. */
@ConfigMapping(prefix = "rewards.claims")
public interface ClaimThrottleConfig {

    @WithDefault("10")
    int maxFailures();

    @WithDefault("PT15M")
    Duration failureWindow();
}
