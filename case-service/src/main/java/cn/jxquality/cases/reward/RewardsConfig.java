package cn.jxquality.cases.reward;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code rewards.*} apart from the claim throttle ({@code rewards.claims}) and the claim-data keys
 * ({@code rewards.claim-data}), which have mappings of their own.
 */
@ConfigMapping(prefix = "rewards")
public interface RewardsConfig {

    /** The amount table and rules under {@code seeds/}. */
    @WithDefault("reward-rules.yaml")
    String rulesFile();

    /** Rewards expired per step of the claim-window scan. */
    @WithDefault("100")
    int expiryBatchSize();

    /** How often the claim-window scan runs. */
    @WithDefault("10m")
    String expiryScanEvery();

    Payment payment();

    /** The payment gateway. */
    interface Payment {

        /** How long a payout attempt holds its reward before a reconciler may look at it. */
        @WithDefault("PT2M")
        Duration lease();

        /** Basic-auth credentials, from the environment. */
        Optional<String> username();

        Optional<String> password();

        /** How often unconfirmed payouts are asked about. */
        @WithDefault("5m")
        String reconcileEvery();
    }
}
