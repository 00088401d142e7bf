package cn.jxquality.complaint.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code intake.*} apart from the web throttle ({@code intake.web-rate}, {@link WebIntakeConfig}). */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** The key of the query codes' hashes (Base64, at least 32 bytes), from the environment. */
    String queryCodeKey();

    /** How long an {@code Idempotency-Key} and its answer are kept. */
    @WithDefault("P1D")
    Duration idempotencyRetention();

    /** The largest JSON body taken; a larger one is refused (413) before anything reads it. */
    @WithDefault("1048576")
    long maxJsonBodyBytes();

    GroupCommit groupCommit();

    /** Single records that arrive together share one transaction. */
    interface GroupCommit {

        /** Records in one transaction at the most. */
        @WithDefault("32")
        int maxSize();

        /** Transactions at the database before arriving records queue. */
        @WithDefault("4")
        int maxInFlight();
    }
}
