package cn.jxquality.complaint.personal;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed HMAC-SHA256 of a normalised value, so equal values can be found without storing them in clear. */
@Startup // a missing or malformed key stops the service at start, not at the first citizen
@ApplicationScoped
public class BlindIndex {

    /** A keyed Mac per thread: getting and keying one costs more than the hash itself, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs;

    BlindIndex(PersonalDataConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.blindIndexKey());
        if (raw.length < 32) {
            throw new IllegalStateException("personal-data.blind-index-key must be at least 32 bytes, base64-encoded");
        }
        SecretKeySpec key = new SecretKeySpec(raw, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
    }

    /** The index of a value in one domain ({@code mobile}, {@code id-number}); domains never collide. */
    public byte[] of(String domain, String normalisedValue) {
        Mac mac = macs.get();
        mac.reset(); // nothing left over from a call that failed half-way
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }
}
