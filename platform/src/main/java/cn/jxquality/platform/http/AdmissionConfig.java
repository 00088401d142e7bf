package cn.jxquality.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many API requests a service works on at once ({@code admission.*}); see {@link Admission}. */
@ConfigMapping(prefix = "admission")
public interface AdmissionConfig {

    /**
     * Public API requests ({@code /api/}, {@code /open311/}) in flight at once; the next is answered 503 at once.
     * Below the database pool's connections and waiting callers (20 + 64), so that under a flood of new requests the
     * pool keeps room for {@link #maxInternalInFlight()}: what finishes work already accepted.
     */
    @WithDefault("60")
    int maxInFlight();

    /**
     * Calls of the other services ({@code /internal/}: a notice's contact look-up, a claim's check) in flight at once,
     * counted apart: a flood of new complaints cannot take their places. With {@link #maxInFlight()}, the pool's
     * 20 + 64.
     */
    @WithDefault("24")
    int maxInternalInFlight();
}
