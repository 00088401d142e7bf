package cn.jxquality.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many API requests a service works on at once ({@code admission.*}); see {@link Admission}. */
@ConfigMapping(prefix = "admission")
public interface AdmissionConfig {

    /**
     * API requests in flight at once; the next is answered 503 at once. Above the database pool's connections and
     * waiting callers (20 + 64), so it refuses only what the pool would refuse after costlier work.
     */
    @WithDefault("100")
    int maxInFlight();
}
