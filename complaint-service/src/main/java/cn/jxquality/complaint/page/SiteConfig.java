package cn.jxquality.complaint.page;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The pages' settings: cookies and the address citizens reach the site at. */
@ConfigMapping(prefix = "site")
public interface SiteConfig {

    /** Whether the pages' cookies (language, form token, receipt) carry {@code Secure}: true wherever TLS is in front. */
    @WithDefault("true")
    boolean secureCookies();

    /**
     * The public address the QR code on a receipt points at (e.g. {@code https://12365.jxquality.cn}); when unset, the
     * address the request came in on.
     */
    Optional<String> publicBaseUrl();
}
