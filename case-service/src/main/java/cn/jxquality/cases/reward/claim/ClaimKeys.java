package cn.jxquality.cases.reward.claim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The AES-256 keys sealing claim data; real keys come from the environment (a Kubernetes Secret), never the repository. */
@ConfigMapping(prefix = "rewards.claim-data")
public interface ClaimKeys {

    /** The id stored with each sealed claim, naming the key that sealed it. */
    Optional<String> keyId();

    /** The current key: 32 bytes, Base64. Without it the service runs, but refuses claims and payouts (503). */
    Optional<String> key();

    /** Keys of earlier ids still needed to open older claims: {@code id:base64,id:base64}. */
    Optional<String> previousKeys();

    /** How often {@link ClaimReSealing} re-seals a batch of claims sealed under previous keys (e.g. 1m). */
    @WithDefault("1m")
    String reSealEvery();
}
