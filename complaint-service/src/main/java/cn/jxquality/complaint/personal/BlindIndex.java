package cn.jxquality.complaint.personal;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed HMAC-SHA256 of a normalised value, so equal values can be found without storing them in clear. */
@ApplicationScoped
public class BlindIndex {

    private final SecretKeySpec key;

    BlindIndex(PersonalDataConfig config) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(config.blindIndexKey()), "HmacSHA256");
    }

    /** The index of a value in one domain ({@code mobile}, {@code id-number}); domains never collide. */
    public byte[] of(String domain, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }
}
