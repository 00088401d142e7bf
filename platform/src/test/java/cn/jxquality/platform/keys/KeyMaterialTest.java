package cn.jxquality.platform.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    @Test
    void thirtyTwoBytesPassShorterOrMissingKeysFailNamingTheProperty() {
        assertEquals("x".repeat(32), KeyMaterial.requireStrong("k", "x".repeat(32)));
        // 11 three-byte characters are 33 bytes: bytes count, not characters
        assertEquals("钥".repeat(11), KeyMaterial.requireStrong("k", "钥".repeat(11)));
        for (String weak : new String[] {null, "", "x".repeat(31)}) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> KeyMaterial.requireStrong("some.key (SOME_KEY)", weak));
            assertEquals("some.key (SOME_KEY) must be at least 32 bytes", e.getMessage());
        }
    }
}
