package cn.jxquality.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String MASTER = "a-master-key-of-at-least-32-bytes!";
    private static final String BODY = "{\"notificationId\":\"n-1\"}";
    private static final long AT = 1_700_000_000L;

    @Test
    void signsTimestampDotBodyWithHmacSha256InHex() {
        // reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
        assertEquals(
                "sha256=a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03",
                WebhookSignature.sign("key", 1_700_000_000L, "{\"a\":1}"));
    }

    @Test
    void eachDepartmentHasAKeyOfItsOwnDerivedFromTheMasterKey() {
        // reference value: printf 'department-webhook-key:360700-AMR' | openssl dgst -sha256 -hmac key
        assertEquals(
                "2b78d786399cae8b4992b38802cbe518b8b6235c6a46a1389435fdfe4c0a2f51",
                WebhookSignature.departmentKey("key", "360700-AMR"));
        String ganzhou = WebhookSignature.departmentKey(MASTER, "360700-AMR");
        String nanchang = WebhookSignature.departmentKey(MASTER, "360100-AMR");
        assertNotEquals(ganzhou, nanchang);
        assertEquals(ganzhou, WebhookSignature.departmentKey(MASTER, "360700-AMR"), "the same key every time");

        String signature = WebhookSignature.sign(ganzhou, AT, BODY);
        assertTrue(WebhookSignature.verify(ganzhou, Long.toString(AT), BODY, signature, Instant.ofEpochSecond(AT)));
        assertFalse(
                WebhookSignature.verify(nanchang, Long.toString(AT), BODY, signature, Instant.ofEpochSecond(AT)),
                "Nanchang's key cannot have signed a notice to Ganzhou");
    }

    @Test
    void aNoticeIsTakenOnlyWithinFiveMinutesOfItsTimestampAndUnchanged() {
        String key = WebhookSignature.departmentKey(MASTER, "360700-AMR");
        String signature = WebhookSignature.sign(key, AT, BODY);
        String at = Long.toString(AT);
        assertTrue(WebhookSignature.verify(key, at, BODY, signature, Instant.ofEpochSecond(AT + 300)));
        assertTrue(WebhookSignature.verify(key, at, BODY, signature, Instant.ofEpochSecond(AT - 300)));
        assertFalse(
                WebhookSignature.verify(key, at, BODY, signature, Instant.ofEpochSecond(AT + 301)), "replayed later");
        assertFalse(WebhookSignature.verify(key, at, BODY, signature, Instant.ofEpochSecond(AT - 301)), "from ahead");
        assertFalse(
                WebhookSignature.verify(key, at, BODY.replace("n-1", "n-2"), signature, Instant.ofEpochSecond(AT)),
                "a changed body");
        assertFalse(
                WebhookSignature.verify(key, Long.toString(AT + 1), BODY, signature, Instant.ofEpochSecond(AT)),
                "a changed timestamp");
        assertFalse(WebhookSignature.verify(key, "soon", BODY, signature, Instant.ofEpochSecond(AT)));
        assertFalse(WebhookSignature.verify(key, null, BODY, signature, Instant.ofEpochSecond(AT)));
        assertFalse(WebhookSignature.verify(key, at, BODY, null, Instant.ofEpochSecond(AT)));
    }
}
