package cn.jxquality.notify.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** The SMS gateway and the quiet hours during which no SMS goes out. */
@ConfigMapping(prefix = "notify.sms")
public interface SmsConfig {

    /** The gateway's send URL; it takes {@code POST {"to","text","reference"}} as JSON. */
    @WithDefault("http://127.0.0.1:8090/sms/send")
    String url();

    /**
     * The gateway's status URL, if it has one: {@code GET <status-url>?reference=<notification id>} answers 2xx when
     * the gateway took that message, 404 when it did not. Asked before an SMS whose earlier try ended without an
     * outcome is sent again, so a crash between the hand-over and the sent mark does not send it twice. Without it,
     * such an SMS goes out again (at least once).
     */
    Optional<String> statusUrl();

    /** HTTP Basic user name for the gateway, if it wants one. */
    Optional<String> username();

    /** HTTP Basic password for the gateway. */
    Optional<String> password();

    /** How long to wait for the gateway before the try counts as failed (and is retried). */
    @WithDefault("5S")
    Duration timeout();

    /** Start of the quiet hours (local time in {@link #zone()}); an SMS due then is deferred. */
    @WithDefault("21:00")
    LocalTime quietFrom();

    /** End of the quiet hours: deferred SMS go out from this time on. */
    @WithDefault("08:00")
    LocalTime quietUntil();

    /** The zone the quiet hours are counted in. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
