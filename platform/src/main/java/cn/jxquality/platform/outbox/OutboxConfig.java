package cn.jxquality.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay paces itself ({@code outbox.*}). */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Rows leased and published per pass. */
    @WithDefault("200")
    int batchSize();

    /** How long a leased row is this replica's before another may take it. */
    @WithDefault("60")
    int leaseSeconds();

    /** How long a row the broker did not acknowledge waits before the next try. */
    @WithDefault("5")
    int retryDelaySeconds();

    /** The wait after an empty pass, unless a commit wakes the relay first. */
    @WithDefault("PT0.05S")
    Duration idlePoll();

    /** How long a sent row is kept, to look into what left (then {@link EventHistoryPurge} deletes it). */
    @WithDefault("P7D")
    Duration sentRetention();

    /**
     * How long a consumed event's id is kept against redelivery: longer than a topic keeps its records (Kafka's
     * default, 7 days), so no record that can still arrive finds its id gone.
     */
    @WithDefault("P30D")
    Duration processedEventRetention();
}
