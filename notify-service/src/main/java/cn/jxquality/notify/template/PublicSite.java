package cn.jxquality.notify.template;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where citizens reach the suite's public pages, which every link in their messages opens: {@code /status}, {@code
 * /rate}, {@code /reward-claim} and {@code /opt-out} on complaint-service's public site.
 */
@ConfigMapping(prefix = "notify.public")
public interface PublicSite {

    /** Base URL of the public site (complaint-service's pages, behind the public gateway in production). */
    @WithDefault("https://12365.jxquality.cn")
    String baseUrl();
}
