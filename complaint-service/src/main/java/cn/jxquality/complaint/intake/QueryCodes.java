package cn.jxquality.complaint.intake;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Query codes: 12 characters from a 31-letter alphabet without look-alikes (59 bits of randomness),
 * shown once and stored only as an HMAC-SHA256 under a server-side key.
 */
@Startup // a missing or malformed key stops the service at start, not at the first citizen
@ApplicationScoped
public class QueryCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 12;

    /** A keyed Mac per thread (see {@code BlindIndex}). */
    private final ThreadLocal<Mac> macs;

    private final SecureRandom random = new SecureRandom();

    QueryCodes(IntakeConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.queryCodeKey());
        if (raw.length < 32) {
            throw new IllegalStateException("intake.query-code-key must be at least 32 bytes, base64-encoded");
        }
        SecretKeySpec key = new SecretKeySpec(raw, "HmacSHA256");
        keyed(key); // a key the provider refuses stops the start, not the first citizen
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
    }

    public String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public byte[] hash(String code) {
        Mac mac = macs.get();
        mac.reset();
        return mac.doFinal(code.trim().toUpperCase().getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("query code hash failed", e);
        }
    }

    /** Constant-time comparison of a presented code with the stored hash. */
    public boolean matches(String presented, byte[] storedHash) {
        return presented != null && MessageDigest.isEqual(hash(presented), storedHash);
    }

    /** Whether {@code presented} is the query code given out with {@code complaint}. */
    public boolean matches(String presented, Complaint complaint) {
        return matches(presented, complaint.queryCodeHash);
    }
}
