package cn.jxquality.platform.keys;

import java.nio.charset.StandardCharsets;

/** The rule for every secret key the services take from their configuration. */
public final class KeyMaterial {

    /** The shortest key accepted: 32 bytes, as long as an AES-256 key or the HMAC-SHA256 it keys. */
    public static final int MIN_BYTES = 32;

    private KeyMaterial() {}

    /** {@code key} (its UTF-8 bytes) if at least {@value #MIN_BYTES} bytes; else a failure naming {@code property}. */
    public static String requireStrong(String property, String key) {
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalStateException(property + " must be at least " + MIN_BYTES + " bytes");
        }
        return key;
    }
}
