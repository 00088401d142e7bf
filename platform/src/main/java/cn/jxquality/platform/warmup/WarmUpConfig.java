package cn.jxquality.platform.warmup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The warm-up a service runs on itself before it reports ready ({@code warm-up.*}). */
@ConfigMapping(prefix = "warm-up")
public interface WarmUpConfig {

    /** Off in tests, where nothing waits for readiness and every second of CPU counts. */
    @WithDefault("true")
    boolean enabled();

    /** Rounds of the plans' requests: enough for the JIT to compile their paths. */
    @WithDefault("300")
    int rounds();

    /** Requests in flight at once. */
    @WithDefault("4")
    int concurrency();

    /** The warm-up stops here, done or not; the service then reports ready all the same. */
    @WithDefault("PT20S")
    Duration budget();
}
