package cn.jxquality.complaint.personal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What must not open does not: a changed byte, another row's id, another key; rotation keeps old rows readable. */
class PersonalDataCipherTest {

    private static final String KEY_A = key();
    private static final String KEY_B = key();
    private static final byte[] PERSON = "张三 13912345678 36010219900101123X".getBytes(StandardCharsets.UTF_8);

    private final UUID row = UUID.randomUUID();
    private final PersonalDataCipher cipher = cipher(Map.of("k1", KEY_A), "k1");

    @Test
    void whatWasSealedOpensForItsRow() {
        PersonalDataCipher.Sealed sealed = cipher.seal(PERSON, row);
        assertEquals("k1", sealed.keyId());
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("13912345678"));
        assertArrayEquals(PERSON, cipher.open(sealed, row));
        assertFalse(
                Arrays.equals(sealed.ciphertext(), cipher.seal(PERSON, row).ciphertext()),
                "a fresh nonce each time: the same person twice is two different ciphertexts");
    }

    @Test
    void aChangedByteAnywhereDoesNotOpen() {
        byte[] ciphertext = cipher.seal(PERSON, row).ciphertext();
        for (int i = 0; i < ciphertext.length; i++) { // the nonce, the data and the tag
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            int at = i;
            assertThrows(
                    IllegalStateException.class,
                    () -> cipher.open(new PersonalDataCipher.Sealed("k1", tampered), row),
                    "byte " + at + " changed");
        }
    }

    @Test
    void anotherRowsIdDoesNotOpen() {
        PersonalDataCipher.Sealed sealed = cipher.seal(PERSON, row);
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, UUID.randomUUID()));
    }

    @Test
    void anotherKeyUnderTheSameIdDoesNotOpen() {
        PersonalDataCipher.Sealed sealed = cipher.seal(PERSON, row);
        PersonalDataCipher replaced = cipher(Map.of("k1", KEY_B), "k1");
        assertThrows(IllegalStateException.class, () -> replaced.open(sealed, row));
    }

    @Test
    void aRetiredKeyIdDoesNotOpen() {
        PersonalDataCipher.Sealed sealed = cipher.seal(PERSON, row);
        PersonalDataCipher withoutIt = cipher(Map.of("k2", KEY_B), "k2");
        assertThrows(IllegalStateException.class, () -> withoutIt.open(sealed, row));
    }

    @Test
    void afterRotationNewRowsUseTheNewKeyAndOldRowsStillOpen() {
        PersonalDataCipher.Sealed old = cipher.seal(PERSON, row);
        PersonalDataCipher rotated = cipher(Map.of("k1", KEY_A, "k2", KEY_B), "k2");
        PersonalDataCipher.Sealed fresh = rotated.seal(PERSON, row);
        assertEquals("k2", fresh.keyId());
        assertArrayEquals(PERSON, rotated.open(old, row));
        assertArrayEquals(PERSON, rotated.open(fresh, row));
        assertThrows(IllegalStateException.class, () -> cipher.open(fresh, row), "the old cipher lacks k2");
    }

    @Test
    void aKeyOfTheWrongLengthOrAnActiveIdWithoutAKeyStopsTheService() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThrows(IllegalStateException.class, () -> cipher(Map.of("k1", short16), "k1"));
        assertThrows(IllegalStateException.class, () -> cipher(Map.of("k1", KEY_A), "k9"));
    }

    private static PersonalDataCipher cipher(Map<String, String> keys, String active) {
        return new PersonalDataCipher(new PersonalDataConfig() {
            @Override
            public Map<String, String> keys() {
                return keys;
            }

            @Override
            public String activeKeyId() {
                return active;
            }

            @Override
            public String blindIndexKey() {
                return KEY_A;
            }

            @Override
            public String blindIndexKeyId() {
                return "v1";
            }

            @Override
            public Optional<String> blindIndexPreviousKeys() {
                return Optional.empty();
            }

            @Override
            public String reSealEvery() {
                return "1h";
            }
        });
    }

    private static String key() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
