package cn.jxquality.platform.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacKeysTest {

    static final String NEW_KEY = key("the-new-key-of-thirty-two-bytes!");
    static final String OLD_KEY = key("the-old-key-of-thirty-two-bytes!");
    static final byte[] VALUE = "13800138000".getBytes(StandardCharsets.UTF_8);

    private final HmacKeys keys = HmacKeys.of("test.key", "v2", NEW_KEY, Optional.of("v1:" + OLD_KEY));

    @Test
    void newMacsAreMadeUnderTheActiveKeyAndEarlierOnesStillCheck() throws Exception {
        assertEquals("v2", keys.activeId());
        assertEquals(List.of("v2", "v1"), List.copyOf(keys.ids()));
        assertArrayEquals(hmac(NEW_KEY, VALUE), keys.mac(VALUE));
        assertArrayEquals(hmac(OLD_KEY, VALUE), keys.mac("v1", VALUE).orElseThrow());
        assertFalse(Arrays.equals(keys.mac(VALUE), keys.mac("v1", VALUE).orElseThrow()));
        assertTrue(keys.mac("v0", VALUE).isEmpty(), "a key no longer configured makes nothing");
    }

    @Test
    void aSearchLooksUnderEveryKeyTheActiveOneFirst() throws Exception {
        List<byte[]> all = keys.macsUnderEveryKey(VALUE);

        assertEquals(2, all.size());
        assertArrayEquals(hmac(NEW_KEY, VALUE), all.get(0));
        assertArrayEquals(hmac(OLD_KEY, VALUE), all.get(1));
    }

    @Test
    void partsAreMacedOneAfterTheOther() throws Exception {
        byte[] a = "mobile".getBytes(StandardCharsets.UTF_8);
        byte[] joined = (new String(a, StandardCharsets.UTF_8) + "\0" + "138").getBytes(StandardCharsets.UTF_8);

        assertArrayEquals(hmac(NEW_KEY, joined), keys.mac(a, new byte[] {0}, "138".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void weakOrMalformedKeysStopTheStart() {
        assertThrows(
                IllegalStateException.class,
                () -> HmacKeys.of("test.key", "v1", key("thirty-one-bytes-are-not-enough"), Optional.empty()));
        assertThrows(
                IllegalStateException.class,
                () -> HmacKeys.of("test.key", "v2", NEW_KEY, Optional.of("v1:" + key("short"))));
        assertThrows(IllegalStateException.class, () -> HmacKeys.of("test.key", "v2", NEW_KEY, Optional.of(OLD_KEY)));
        assertThrows(
                IllegalStateException.class,
                () -> HmacKeys.of("test.key", "v2", NEW_KEY, Optional.of("v2:" + OLD_KEY)));
        assertThrows(IllegalStateException.class, () -> HmacKeys.of("test.key", "v1", "not base64!", Optional.empty()));
    }

    @Test
    void noEarlierKeysIsOneKey() {
        assertEquals(
                List.of("v1"),
                List.copyOf(
                        HmacKeys.of("test.key", "v1", NEW_KEY, Optional.of(" ")).ids()));
    }

    private static String key(String raw) {
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String base64Key, byte[] value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
        return mac.doFinal(value);
    }
}
