package cn.jxquality.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The largest body taken but a multipart upload ({@code body-limit.*}); see {@link BodyLimit}. */
@ConfigMapping(prefix = "body-limit")
public interface BodyLimitConfig {

    /** Bytes of a JSON or form body; a larger one is answered 413, unread or as soon as it passes the limit. */
    @WithDefault("1048576")
    long maxBytes();
}
