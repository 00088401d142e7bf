package cn.jxquality.complaint.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code intake.max-json-body-bytes}: the largest JSON body taken; a larger one is refused (413) unread. */
@ConfigMapping(prefix = "intake")
public interface BodyLimitConfig {

    @WithDefault("1048576")
    long maxJsonBodyBytes();
}
