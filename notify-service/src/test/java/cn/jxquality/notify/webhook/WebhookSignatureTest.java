package cn.jxquality.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256InHex() {
        // reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
        assertEquals(
                "sha256=a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03",
                WebhookSignature.sign("key", 1_700_000_000L, "{\"a\":1}"));
    }
}
