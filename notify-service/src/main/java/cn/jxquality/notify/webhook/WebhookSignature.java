package cn.jxquality.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a department's system checks: hex HMAC-SHA256 over {@code timestamp + "." + body}, sent as
 * {@code X-Signature: sha256=<hex>} beside {@code X-Timestamp} (epoch seconds). Each department has a key of its own,
 * derived from {@code WEBHOOK_KEY} ({@link #departmentKey}), so no department can forge another's notices. A receiver
 * takes a notice only within {@link #REPLAY_WINDOW} of its timestamp ({@link #verify}) and drops a repeated
 * {@code X-Notification-Id}.
 */
public final class WebhookSignature {

    /** Prefix of the {@code X-Signature} header value. */
    public static final String SCHEME = "sha256=";

    /** How far a notice's timestamp may be from the receiver's clock, either way. */
    public static final Duration REPLAY_WINDOW = Duration.ofSeconds(300);

    private static final String DEPARTMENT_KEY_LABEL = "department-webhook-key:";

    private WebhookSignature() {}

    /** {@code sha256=<hex>} of the timestamp and body under the key. */
    public static String sign(String key, long timestamp, String body) {
        return SCHEME + hmac(key, timestamp + "." + body);
    }

    /**
     * The key a department's pushes are signed with and its system checks them with: the hex HMAC-SHA256 of
     * {@code "department-webhook-key:" + code} under {@code WEBHOOK_KEY}, i.e. {@code printf
     * 'department-webhook-key:360700-AMR' | openssl dgst -sha256 -hmac "$WEBHOOK_KEY"}. Given to the department when
     * its webhook is set up; the master key stays in notify-service.
     */
    public static String departmentKey(String masterKey, String departmentCode) {
        return hmac(masterKey, DEPARTMENT_KEY_LABEL + departmentCode);
    }

    /**
     * What a department's system does with a push: the signature matches the timestamp and body under its key, and
     * the timestamp is within {@link #REPLAY_WINDOW} of {@code now}. Compared in constant time.
     */
    public static boolean verify(String key, String timestampHeader, String body, String signatureHeader, Instant now) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        if (signatureHeader == null || Math.abs(now.getEpochSecond() - timestamp) > REPLAY_WINDOW.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(key, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
