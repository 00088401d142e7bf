package cn.jxquality.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A flood of the same message logs one line a second, each counting what it left out. */
class LogThrottleTest {

    @Test
    void oneLineAnIntervalCountingWhatWasLeftOut() {
        LogThrottle throttle = new LogThrottle(1, TimeUnit.SECONDS);
        long second = TimeUnit.SECONDS.toNanos(1);
        long t = -5 * second; // System.nanoTime() may be negative

        assertEquals(0, throttle.next(t), "the first is logged");
        for (int i = 1; i <= 999; i++) {
            assertEquals(-1, throttle.next(t + i * 1_000_000L), "within the second: left out");
        }
        assertEquals(999, throttle.next(t + second), "a second later: logged, with the 999 left out");
        assertEquals(-1, throttle.next(t + second + 1));
        assertEquals(1, throttle.next(t + 3 * second));
        assertEquals(0, throttle.next(t + 5 * second));
    }
}
