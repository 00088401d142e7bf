package cn.jxquality.complaint.personal;

import cn.jxquality.platform.keys.HmacKeys;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Keyed HMAC-SHA256 of a normalised value, so equal values can be found without storing them in clear. The key can
 * rotate: a row stores the id of the key its indexes were made with ({@code complaint.index_key_id}), a search looks
 * under every configured key, and intake's {@code IndexRenewal} re-makes older rows' indexes under the active key.
 */
@Startup // a missing or malformed key stops the service at start, not at the first citizen
@ApplicationScoped
public class BlindIndex {

    private final HmacKeys keys;

    BlindIndex(PersonalDataConfig config) {
        this.keys = HmacKeys.of(
                "personal-data.blind-index-key",
                config.blindIndexKeyId(),
                config.blindIndexKey(),
                config.blindIndexPreviousKeys());
    }

    /** The index of a value in one domain ({@code mobile}, {@code id-number}) under the active key; domains never collide. */
    public byte[] of(String domain, String normalisedValue) {
        return keys.mac(parts(domain, normalisedValue));
    }

    /** The value's index under every configured key, the active one first: what a search compares with. */
    public List<byte[]> underEveryKey(String domain, String normalisedValue) {
        return keys.macsUnderEveryKey(parts(domain, normalisedValue));
    }

    /** The id of the key new indexes are made with. */
    public String keyId() {
        return keys.activeId();
    }

    /** Every configured key id. */
    public Set<String> keyIds() {
        return keys.ids();
    }

    private static byte[][] parts(String domain, String value) {
        return new byte[][] {
            domain.getBytes(StandardCharsets.UTF_8), new byte[] {0}, value.getBytes(StandardCharsets.UTF_8)
        };
    }
}
