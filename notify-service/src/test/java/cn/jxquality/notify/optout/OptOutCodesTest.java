package cn.jxquality.notify.optout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptOutCodesTest {

    final OptOutCodes codes = new OptOutCodes("a-key-of-thirty-two-bytes-or-more");

    @Test
    void aCodeIsEightCrockfordCharactersStablePerTrackingNumber() {
        String code = codes.codeFor("JX20261125000001");
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{8}"), code);
        assertEquals(code, codes.codeFor("JX20261125000001"));
        assertNotEquals(code, codes.codeFor("JX20261125000002"));
        assertNotEquals(code, new OptOutCodes("another-key-of-thirty-two-bytes-!!").codeFor("JX20261125000001"));
    }

    @Test
    void matchingForgivesCaseButNotAnotherNumbersCode() {
        String code = codes.codeFor("JX20261125000001");
        assertTrue(codes.matches("JX20261125000001", code.toLowerCase()));
        assertFalse(codes.matches("JX20261125000002", code));
        assertFalse(codes.matches("JX20261125000001", null));
        assertFalse(codes.matches("JX20261125000001", code.substring(1)));
    }

    @Test
    void afterARotationNewCodesTakeTheNewKeyAndTheOldCodesStillOptOut() {
        OptOutCodes rotated =
                new OptOutCodes("the-new-key-of-thirty-two-bytes!!", List.of("a-key-of-thirty-two-bytes-or-more"));
        String sentBefore = codes.codeFor("JX20261125000001");

        assertNotEquals(sentBefore, rotated.codeFor("JX20261125000001"));
        assertTrue(rotated.matches("JX20261125000001", sentBefore));
        assertTrue(rotated.matches("JX20261125000001", rotated.codeFor("JX20261125000001")));
        assertFalse(codes.matches("JX20261125000001", rotated.codeFor("JX20261125000001")));
        assertThrows(
                IllegalStateException.class,
                () -> new OptOutCodes("the-new-key-of-thirty-two-bytes!!", List.of("short")));
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new OptOutCodes("a-key-of-31-bytes-is-too-short!"));
        assertEquals("notify.opt-out.key (OPT_OUT_KEY) must be at least 32 bytes", refused.getMessage());
    }
}
