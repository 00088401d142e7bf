package cn.jxquality.complaint.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * {@code intake.*} of the intake itself; the web throttle ({@code intake.web-rate}), the idempotency keys' retention
 * and the JSON body limit are mapped by the features that use them.
 */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** The key of the query codes' hashes (Base64, at least 32 bytes), from the environment. */
    String queryCodeKey();

    /** The id stored next to the hashes made with {@link #queryCodeKey()}. */
    @WithDefault("v1")
    String queryCodeKeyId();

    /** Earlier query-code keys, {@code id:base64,id:base64}, kept while codes hashed with them may still be used. */
    Optional<String> queryCodePreviousKeys();

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
