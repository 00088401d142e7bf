package cn.jxquality.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a department's system checks: hex HMAC-SHA256 over {@code timestamp + "." + body}, sent as
 * {@code X-Signature: sha256=<hex>} beside {@code X-Timestamp} (epoch seconds), so a replayed old body is
 * recognisable and a changed one fails.
 */
public final class WebhookSignature {

    /** Prefix of the {@code X-Signature} header value. */
    public static final String SCHEME = "sha256=";

    private WebhookSignature() {}

    /** {@code sha256=<hex>} of the timestamp and body under the key. */
    public static String sign(String key, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
