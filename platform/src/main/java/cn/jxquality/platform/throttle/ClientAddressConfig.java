package cn.jxquality.platform.throttle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code client-address.*}: whether the service sits behind a proxy whose {@code X-Forwarded-For} we trust. */
@ConfigMapping(prefix = "client-address")
public interface ClientAddressConfig {

    /** True only behind our own reverse proxy or ingress, which appends the client's address. */
    @WithDefault("false")
    boolean behindTrustedProxy();
}
