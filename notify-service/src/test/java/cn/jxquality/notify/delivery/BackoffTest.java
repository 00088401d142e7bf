package cn.jxquality.notify.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), new Random(42));

    @ParameterizedTest(name = "after {0} failed tries the ceiling is {1} ms")
    @CsvSource({"1, 10000", "2, 20000", "3, 40000", "4, 80000", "7, 600000", "40, 600000"})
    void theCeilingDoublesUpToTheMaximum(int failedTries, long ceiling) {
        assertEquals(ceiling, backoff.ceilingMillis(failedTries));
    }

    @Test
    void eachDelayLiesBetweenHalfTheCeilingAndTheCeilingAndTheyVary() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long delay = backoff.after(3).toMillis();
            assertTrue(delay >= 20_000 && delay <= 40_000, "delay " + delay);
            seen.add(delay);
        }
        assertTrue(seen.size() > 50, "jitter spreads the delays");
    }
}
