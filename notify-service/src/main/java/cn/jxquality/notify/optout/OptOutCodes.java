package cn.jxquality.notify.optout;

import cn.jxquality.platform.keys.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opt-out code of a complaint: 8 characters (40 bits) of HMAC-SHA256 over its tracking number in
 * Crockford's base32. notify-service cannot check query codes (complaint-service owns them), so each
 * message to a citizen carries this code instead; knowing it proves the holder received a message.
 */
public final class OptOutCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 8;

    private final byte[] key;
    /** Keys before a rotation: the codes in messages already sent still opt out. */
    private final List<byte[]> previousKeys;

    /** @throws IllegalStateException for a key shorter than 32 bytes, which would make the codes guessable */
    public OptOutCodes(String key) {
        this(key, List.of());
    }

    /**
     * The active key and those it replaced, whose codes are still accepted (messages already sent carry them).
     *
     * @throws IllegalStateException for any key shorter than 32 bytes
     */
    public OptOutCodes(String key, List<String> previousKeys) {
        this.key = strong("notify.opt-out.key (OPT_OUT_KEY)", key);
        this.previousKeys = previousKeys.stream()
                .map(previous -> strong("notify.opt-out.previous-keys (OPT_OUT_PREVIOUS_KEYS)", previous))
                .toList();
    }

    /** The code for a tracking number, under the active key. */
    public String codeFor(String trackingNumber) {
        return codeUnder(key, trackingNumber);
    }

    private static String codeUnder(byte[] key, String trackingNumber) {
        byte[] digest = hmac(key, trackingNumber);
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        char[] code = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            code[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(code);
    }

    /**
     * Constant-time comparison under the active key and each previous one; case and the look-alikes O/I/L are
     * forgiven as Crockford's base32 allows.
     */
    public boolean matches(String trackingNumber, String code) {
        if (code == null) {
            return false;
        }
        byte[] normalised = code.strip()
                .toUpperCase()
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1')
                .getBytes(StandardCharsets.US_ASCII);
        boolean matched =
                MessageDigest.isEqual(codeFor(trackingNumber).getBytes(StandardCharsets.US_ASCII), normalised);
        for (byte[] previous : previousKeys) {
            matched |= MessageDigest.isEqual(
                    codeUnder(previous, trackingNumber).getBytes(StandardCharsets.US_ASCII), normalised);
        }
        return matched;
    }

    /** A keyed hash of a throttle key (a tracking number or a client address), so neither is stored in clear. */
    public byte[] keyedHash(String value) {
        return hmac(key, "throttle:" + value);
    }

    private static byte[] strong(String property, String key) {
        return KeyMaterial.requireStrong(property, key).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String trackingNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(trackingNumber.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
