package cn.jxquality.notify.optout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Opt-out codes: derived from the tracking number with a key, so no code table is needed. */
@ConfigMapping(prefix = "notify.opt-out")
public interface OptOutConfig {

    /** HMAC key for opt-out codes ({@code OPT_OUT_KEY}); without one messages carry no code and opt-outs are refused. */
    Optional<String> key();

    /**
     * Keys the active one replaced, comma-separated ({@code OPT_OUT_PREVIOUS_KEYS}): the codes in messages already
     * sent still opt out. New messages carry codes under {@link #key()}.
     */
    Optional<List<String>> previousKeys();

    /** The public page citizens open to opt out, named in every message to them. */
    @WithDefault("https://12365.jxquality.cn/opt-out")
    String pageUrl();

    /** Failed opt-outs per tracking number, and per client, that close the door for the rest of the window. */
    @WithDefault("10")
    int maxFailures();

    /** How long a failed opt-out counts. */
    @WithDefault("PT15M")
    Duration window();
}
