package cn.jxquality.notify.optout;

import cn.jxquality.platform.keys.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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

    /** @throws IllegalStateException for a key shorter than 32 bytes, which would make the codes guessable */
    public OptOutCodes(String key) {
        this.key = KeyMaterial.requireStrong("notify.opt-out.key (OPT_OUT_KEY)", key)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The code for a tracking number. */
    public String codeFor(String trackingNumber) {
        byte[] digest = hmac(trackingNumber);
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

    /** Constant-time comparison; case and the look-alikes O/I/L are forgiven as Crockford's base32 allows. */
    public boolean matches(String trackingNumber, String code) {
        if (code == null) {
            return false;
        }
        String normalised =
                code.strip().toUpperCase().replace('O', '0').replace('I', '1').replace('L', '1');
        return MessageDigest.isEqual(
                codeFor(trackingNumber).getBytes(StandardCharsets.US_ASCII),
                normalised.getBytes(StandardCharsets.US_ASCII));
    }

    /** A keyed hash of a throttle key (a tracking number or a client address), so neither is stored in clear. */
    public byte[] keyedHash(String value) {
        return hmac("throttle:" + value);
    }

    private byte[] hmac(String trackingNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(trackingNumber.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
