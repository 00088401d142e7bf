package cn.jxquality.complaint.intake;

import cn.jxquality.platform.keys.HmacKeys;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Query codes: 12 characters from a 31-letter alphabet without look-alikes (59 bits of randomness), shown once and
 * stored only as an HMAC-SHA256 under a server-side key, with that key's id ({@code complaint.query_code_key_id}): a
 * new key takes over for new codes while the earlier ones, kept configured, still check the codes they hashed.
 */
@Startup // a missing or malformed key stops the service at start, not at the first citizen
@ApplicationScoped
public class QueryCodes {

    /** The citizen-facing codes' alphabet: digits and capitals without look-alikes (0/O, 1/I/L). */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    static final int LENGTH = 12;

    private final HmacKeys keys;

    private final SecureRandom random = new SecureRandom();

    QueryCodes(IntakeConfig config) {
        this.keys = HmacKeys.of(
                "intake.query-code-key",
                config.queryCodeKeyId(),
                config.queryCodeKey(),
                config.queryCodePreviousKeys());
    }

    public String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The hash of a new code, under the active key ({@link #keyId()}). */
    public byte[] hash(String code) {
        return keys.mac(normalised(code));
    }

    /** The id of the key new codes are hashed with. */
    public String keyId() {
        return keys.activeId();
    }

    /**
     * Constant-time comparison of a presented code with the hash stored under key {@code keyId}; false under a key
     * no longer configured.
     */
    public boolean matches(String presented, String keyId, byte[] storedHash) {
        return presented != null
                && keys.mac(keyId, normalised(presented))
                        .map(hash -> MessageDigest.isEqual(hash, storedHash))
                        .orElse(false);
    }

    /** Whether {@code presented} is the query code given out with {@code complaint}. */
    public boolean matches(String presented, Complaint complaint) {
        return matches(presented, complaint.queryCodeKeyId, complaint.queryCodeHash);
    }

    private static byte[] normalised(String code) {
        return code.trim().toUpperCase().getBytes(StandardCharsets.US_ASCII);
    }
}
