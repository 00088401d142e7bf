package cn.jxquality.cases.reward.claim;

import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a claim's personal data with AES-256-GCM under the current key id: a fresh 96-bit nonce per seal, the
 * reward id as associated data (a sealed claim cannot be moved to another reward), stored as nonce + ciphertext
 * with the key id beside it, so keys can be rotated while old claims still open.
 */
@ApplicationScoped
public class ClaimCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    /** Keys the throttle's hashes; null without a current key. */
    private final SecretKeySpec throttleKey;

    ClaimCipher(ClaimKeys config) {
        this.currentKeyId = config.keyId().orElse(null);
        if (currentKeyId != null && config.key().isPresent()) {
            keys.put(currentKeyId, key(currentKeyId, config.key().get()));
        } else {
            Log.warn("No claim-data key configured (CLAIM_DATA_KEY_ID, CLAIM_DATA_KEY): reward claims are refused");
        }
        this.throttleKey = keys.containsKey(currentKeyId) ? throttleKey(keys.get(currentKeyId)) : null;
        config.previousKeys().ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] idAndKey = entry.trim().split(":", 2);
                if (idAndKey.length != 2) {
                    throw new IllegalArgumentException("rewards.claim-data.previous-keys: expected id:base64");
                }
                keys.putIfAbsent(idAndKey[0], key(idAndKey[0], idAndKey[1]));
            }
        });
    }

    /** The id of the key new claims are sealed with; empty without one. */
    public Optional<String> currentKeyId() {
        return keys.containsKey(currentKeyId) ? Optional.of(currentKeyId) : Optional.empty();
    }

    /** Every configured key's id: a claim sealed under one of them opens. */
    public Set<String> keyIds() {
        return Set.copyOf(keys.keySet());
    }

    /** A sealed value and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] data) {}

    public Sealed seal(UUID rewardId, byte[] plain) {
        if (!keys.containsKey(currentKeyId)) {
            throw notConfigured();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, rewardId);
            byte[] sealed = cipher.doFinal(plain);
            return new Sealed(
                    currentKeyId,
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public byte[] open(UUID rewardId, Sealed sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw notConfigured();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed.data(), NONCE_BYTES), rewardId);
            return cipher.doFinal(sealed.data(), NONCE_BYTES, sealed.data().length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed claim does not open (wrong key or altered data)", e);
        }
    }

    /**
     * A keyed hash for the claim throttle, so neither tracking numbers nor addresses are stored in clear: HMAC-SHA256
     * under a key derived from the current claim-data key (never the AES key itself). 503 without a key, like a claim.
     */
    public byte[] keyedHash(String value) {
        if (throttleKey == null) {
            throw notConfigured();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(throttleKey);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** HMAC(current key, "throttle-key"): derived once, so the AES key itself never keys an HMAC. */
    private static SecretKeySpec throttleKey(SecretKey current) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(current.getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(derive.doFinal("throttle-key".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID rewardId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(rewardId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static ProblemException notConfigured() {
        Log.error("A claim needs a claim-data key that is not configured");
        return ProblemException.unavailable(
                "claims-unavailable", "Claims cannot be taken or paid just now; nothing was recorded.", 300);
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("claim-data key " + id + " must be 32 bytes (AES-256), Base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
