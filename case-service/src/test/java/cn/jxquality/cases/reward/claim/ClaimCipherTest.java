package cn.jxquality.cases.reward.claim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jxquality.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of claim data: it opens only for its reward, untampered, under a known key id. */
class ClaimCipherTest {

    static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String NEW_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final byte[] DATA = "{\"bankAccountNumber\":\"6222021502001234567\"}".getBytes(StandardCharsets.UTF_8);

    static ClaimCipher cipher(String keyId, String key, String previous) {
        return new ClaimCipher(new ClaimKeys() {
            public Optional<String> keyId() {
                return Optional.ofNullable(keyId);
            }

            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            public Optional<String> previousKeys() {
                return Optional.ofNullable(previous);
            }

            public String reSealEvery() {
                return "1h";
            }
        });
    }

    @Test
    void aSealedClaimOpensForItsRewardAndHidesTheData() {
        ClaimCipher cipher = cipher("k1", OLD_KEY, null);
        UUID reward = UUID.randomUUID();
        ClaimCipher.Sealed sealed = cipher.seal(reward, DATA);
        assertEquals("k1", sealed.keyId());
        assertFalse(new String(sealed.data(), StandardCharsets.ISO_8859_1).contains("6222021502001234567"));
        assertArrayEquals(DATA, cipher.open(reward, sealed));
    }

    @Test
    void eachSealHasItsOwnNonce() {
        ClaimCipher cipher = cipher("k1", OLD_KEY, null);
        UUID reward = UUID.randomUUID();
        assertFalse(Arrays.equals(
                cipher.seal(reward, DATA).data(), cipher.seal(reward, DATA).data()));
    }

    @Test
    void aClaimMovedToAnotherRewardOrAlteredDoesNotOpen() {
        ClaimCipher cipher = cipher("k1", OLD_KEY, null);
        ClaimCipher.Sealed sealed = cipher.seal(UUID.randomUUID(), DATA);
        assertThrows(IllegalStateException.class, () -> cipher.open(UUID.randomUUID(), sealed));
        byte[] altered = sealed.data().clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(
                IllegalStateException.class,
                () -> cipher.open(UUID.randomUUID(), new ClaimCipher.Sealed("k1", altered)));
    }

    @Test
    void afterARotationOldClaimsOpenWithThePreviousKeyAndNewOnesUseTheNewId() {
        UUID reward = UUID.randomUUID();
        ClaimCipher.Sealed old = cipher("k1", OLD_KEY, null).seal(reward, DATA);
        ClaimCipher rotated = cipher("k2", NEW_KEY, "k1:" + OLD_KEY);
        assertArrayEquals(DATA, rotated.open(reward, old));
        assertEquals("k2", rotated.seal(reward, DATA).keyId());
        assertThrows(ProblemException.class, () -> cipher("k2", NEW_KEY, null).open(reward, old));
    }

    @Test
    void withoutAKeyClaimsAreRefusedAndAShortKeyIsRejectedAtStart() {
        assertEquals(
                503,
                assertThrows(
                                ProblemException.class,
                                () -> cipher(null, null, null).seal(UUID.randomUUID(), DATA))
                        .problem()
                        .status());
        assertThrows(
                IllegalArgumentException.class,
                () -> cipher("k1", Base64.getEncoder().encodeToString(new byte[16]), null));
    }
}
