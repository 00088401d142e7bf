package cn.jxquality.complaint.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainlandMobileTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "+8613812345678", "8613812345678", "138 1234 5678", "138-1234-5678"})
    void normalisesToElevenDigits(String raw) {
        assertEquals("13812345678", MainlandMobile.normalise(raw).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "0791-8888888", "abc", ""})
    void rejectsWhatIsNoMobile(String raw) {
        assertTrue(MainlandMobile.normalise(raw).isEmpty());
    }

    @Test
    void masksTheMiddle() {
        assertEquals("138****5678", MainlandMobile.mask("13812345678"));
    }
}
