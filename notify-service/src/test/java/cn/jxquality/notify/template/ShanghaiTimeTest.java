package cn.jxquality.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Instants shown in Beijing time, and the last day of a time limit whichever way its producer ends it. */
class ShanghaiTimeTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-27T09:00:00Z, 2026-11-27 17:00",
        "2026-12-09T16:00:00Z, 2026-12-10 00:00",
        "not an instant, not an instant"
    })
    void instantsAreShownInBeijingTime(String instant, String shown) {
        assertEquals(shown, ShanghaiTime.shanghai(instant));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-09T16:00:00Z, 2026-12-09", // complaint-service: the midnight after the last day
        "2026-12-09T15:59:59Z, 2026-12-09", // case-service: 23:59:59 of it
        "2026-12-09T04:00:00Z, 2026-12-09", // any moment of the day
        "2026-12-09T16:00:01Z, 2026-12-10",
        "not an instant, not an instant"
    })
    void aLimitEndingAtAnInstantHasItsLastDay(String end, String lastDay) {
        assertEquals(lastDay, ShanghaiTime.lastDay(end));
    }
}
