package cn.jxquality.notify.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the dispatcher leases, retries and gives up. */
@ConfigMapping(prefix = "notify.delivery")
public interface DeliveryConfig {

    /** How often the dispatcher looks for due notifications (a scheduler period such as {@code 1s}). */
    @WithDefault("1s")
    String interval();

    /** Tries per notification before it is FAILED and goes to notification-dlq. */
    @WithDefault("5")
    int maxAttempts();

    /**
     * How long a notice waits before asking again when complaint-service could not give its contact (no try counted):
     * the {@code Retry-After} complaint-service answers with when it is busy. Longer, the notices of a busy minute
     * trail it by a multiple of this (scenario 7 of RELIABILITY.md: 15 s made the last ones wait a minute more).
     */
    @WithDefault("5S")
    Duration outageWait();

    /** Delay before the second try; it doubles with each further try (with jitter). */
    @WithDefault("10S")
    Duration initialBackoff();

    /** The longest delay between two tries. */
    @WithDefault("10M")
    Duration maxBackoff();

    /** How long a leased row belongs to one dispatcher before another replica may take it over. */
    @WithDefault("60S")
    Duration lease();

    /** Rows leased per dispatcher pass. */
    @WithDefault("50")
    int batchSize();

    /**
     * SMS and e-mails to one citizen's address a day, at most ({@link AddressCaps}); past it a notice is
     * {@code SKIPPED}. A web form filled in with someone else's mobile cannot make the suite flood them.
     */
    @WithDefault("20")
    int dailyCapPerAddress();
}
