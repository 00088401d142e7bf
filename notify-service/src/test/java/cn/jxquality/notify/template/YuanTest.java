package cn.jxquality.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YuanTest {

    @ParameterizedTest(name = "{0} fen → {1}")
    @CsvSource({
        "0, 0.00",
        "5, 0.05",
        "123, 1.23",
        "100000, '1,000.00'",
        "300000, '3,000.00'",
        "100000000, '1,000,000.00'",
        "2500000001, '25,000,000.01'"
    })
    void fenAreShownAsYuanWithTwoDecimals(long fen, String yuan) {
        assertEquals(yuan, Yuan.yuan(fen));
    }
}
