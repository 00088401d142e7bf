package cn.jxquality.complaint.personal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** Keys protecting personal data; in production they come from Kubernetes Secrets. */
@ConfigMapping(prefix = "personal-data")
public interface PersonalDataConfig {

    /** AES-256 keys by key id, base64-encoded; old ids stay so old rows remain readable after rotation. */
    Map<String, String> keys();

    /** The key id new rows are encrypted with. */
    String activeKeyId();

    /** Base64 HMAC-SHA256 key for the blind indexes on mobile and ID number. */
    String blindIndexKey();

    /** The id stored next to the indexes made with {@link #blindIndexKey()}. */
    @WithDefault("v1")
    String blindIndexKeyId();

    /** Earlier blind-index keys, {@code id:base64,id:base64}, kept while rows made with them remain (intake's {@code IndexRenewal} re-makes them). */
    Optional<String> blindIndexPreviousKeys();

    /**
     * How often {@link ReSealing} re-seals a batch of what older keys sealed, and {@code IndexRenewal} re-makes a batch
     * of older indexes (a scheduler period, e.g. 1m).
     */
    @WithDefault("1m")
    String reSealEvery();
}
