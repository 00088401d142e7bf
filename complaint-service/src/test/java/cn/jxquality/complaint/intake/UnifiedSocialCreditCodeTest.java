package cn.jxquality.complaint.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "91440300708461136T", "91360100158304019E"})
    void acceptsPublishedAndComputedCodes(String code) {
        assertTrue(UnifiedSocialCreditCode.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y44", // wrong check character
                "91360100158304019D", // wrong check character
                "91350100M000100Y4", // 17 characters
                "91350100M000100Y433", // 19 characters
                "91350100I000100Y43", // I is not in the alphabet
                "91350100m000100Y43", // lower case
                "91350100M000100S43" // S is not in the alphabet
            })
    @NullAndEmptySource
    void rejectsMalformedCodes(String code) {
        assertFalse(UnifiedSocialCreditCode.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A"})
    void everyComputedCheckCharacterValidates(String lastBodyCharacter) {
        String body = "9136010015830401" + lastBodyCharacter;
        assertTrue(UnifiedSocialCreditCode.isValid(body + UnifiedSocialCreditCode.checkCharacter(body)));
    }

    @org.junit.jupiter.api.Test
    void checkValueThirtyOneBecomesZero() {
        // Σ ≡ 0 (mod 31) gives 31 − 0 = 31, which the standard writes as "0"
        assertEquals('0', UnifiedSocialCreditCode.checkCharacter("00000000000000000"));
    }
}
