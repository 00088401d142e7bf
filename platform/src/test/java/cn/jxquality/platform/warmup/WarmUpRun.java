package cn.jxquality.platform.warmup;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.Map;

/**
 * A service's warm-up in its own tests (it is off in the others): a test profile that turns it on for a few rounds,
 * and what every service's plans must show once it is over.
 */
public final class WarmUpRun {

    /** Rounds each of the 4 lanes runs. */
    public static final int ROUNDS = 5;

    private WarmUpRun() {}

    /** The warm-up on, {@link #ROUNDS} rounds, with a budget no test machine runs out of. */
    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "warm-up.enabled", "true", "warm-up.rounds", String.valueOf(ROUNDS), "warm-up.budget", "PT60S");
        }
    }

    /**
     * Waits for the warm-up to end and checks that every request and exercise went as its plan expects and every
     * statement prepared on each of the pool's {@code connections}; the report, for the service's own figures.
     */
    public static WarmUp.Report finished(WarmUp warmUp, int connections) {
        await().atMost(Duration.ofSeconds(70)).until(warmUp::done);
        WarmUp.Report report = warmUp.report();
        assertEquals(Map.of(), report.unexpected(), "every request and exercise went as its plan expects");
        assertEquals(0, report.failedStatements(), "every statement prepared");
        assertEquals(connections, report.connections(), "on every pooled connection");
        return report;
    }
}
