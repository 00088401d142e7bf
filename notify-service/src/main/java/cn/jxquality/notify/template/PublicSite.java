package cn.jxquality.notify.template;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where citizens reach the suite's public endpoints, named in their messages (rating, reward claim). */
@ConfigMapping(prefix = "notify.public")
public interface PublicSite {

    /**
     * Base URL of the public gateway in front of complaint-service ({@code /api/v1/complaints/…}) and case-service
     * ({@code /api/v1/reward-claims}).
     */
    @WithDefault("https://12365.jxquality.cn")
    String baseUrl();
}
