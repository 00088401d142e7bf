package cn.jxquality.complaint.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code intake.idempotency-retention}: how long an {@code Idempotency-Key} and its answer are kept. */
@ConfigMapping(prefix = "intake")
public interface IdempotencyConfig {

    @WithDefault("P1D")
    Duration idempotencyRetention();
}
