package cn.jxquality.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final QuietHours quietHours = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);

    @ParameterizedTest(name = "{0} Shanghai → {1}")
    @CsvSource({
        "2026-11-25T20:59:59, ",
        "2026-11-25T21:00:00, 2026-11-26T08:00",
        "2026-11-25T23:59:00, 2026-11-26T08:00",
        "2026-11-26T00:00:00, 2026-11-26T08:00",
        "2026-11-26T07:59:59, 2026-11-26T08:00",
        "2026-11-26T08:00:00, ",
        "2026-11-26T12:00:00, ",
        "2026-12-31T22:00:00, 2027-01-01T08:00"
    })
    void defersOnlyInsideQuietHoursUntilTheyEnd(String now, String until) {
        Instant at = LocalDateTime.parse(now).atZone(SHANGHAI).toInstant();
        Optional<Instant> expected = until == null
                ? Optional.empty()
                : Optional.of(LocalDateTime.parse(until).atZone(SHANGHAI).toInstant());
        assertEquals(expected, quietHours.deferUntil(at));
    }

    @ParameterizedTest
    @CsvSource({"12:59, false", "13:00, true", "13:59, true", "14:00, false"})
    void aWindowWithinOneDayWorksToo(String time, boolean deferred) {
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0), SHANGHAI);
        Instant at = LocalDateTime.parse("2026-11-25T" + time).atZone(SHANGHAI).toInstant();
        assertEquals(deferred, lunch.deferUntil(at).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"00:00", "07:59", "12:00", "21:30", "23:59"})
    void equalStartAndEndMeanNoQuietHours(String time) {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);
        Instant at = LocalDateTime.parse("2026-11-25T" + time).atZone(SHANGHAI).toInstant();
        assertEquals(Optional.empty(), none.deferUntil(at));
    }
}
