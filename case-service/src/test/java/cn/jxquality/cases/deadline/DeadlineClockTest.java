package cn.jxquality.cases.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jxquality.cases.casefile.CaseState;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineClockTest {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void theWarningComesAt80PerCentOfTheSpan() {
        DeadlineClock clock = DeadlineClock.start(UUID.randomUUID(), "acceptBy", START, START.plusSeconds(1000));
        assertEquals(START.plusSeconds(800), clock.warnAt);
    }

    @Test
    void anExtensionBeyondNowClearsTheStepsAlreadyFired() {
        DeadlineClock clock = DeadlineClock.start(UUID.randomUUID(), "verifyBy", START, START.plusSeconds(1000));
        Instant now = START.plusSeconds(1100);
        clock.warnedAt = START.plusSeconds(800);
        clock.overdueAt = START.plusSeconds(1000);
        clock.moveTo(START.plusSeconds(3000), now);
        assertEquals(START.plusSeconds(2400), clock.warnAt);
        assertNull(clock.overdueAt);
        assertNull(clock.warnedAt);
    }

    @Test
    void anExtensionWhoseWarningIsAlreadyDueKeepsTheWarningGiven() {
        DeadlineClock clock = DeadlineClock.start(UUID.randomUUID(), "verifyBy", START, START.plusSeconds(1000));
        Instant now = START.plusSeconds(1100);
        clock.warnedAt = START.plusSeconds(800);
        clock.overdueAt = START.plusSeconds(1000);
        clock.moveTo(START.plusSeconds(1200), now);
        assertNotNull(clock.warnedAt);
        assertNull(clock.overdueAt);
    }

    @Test
    void aRestartedClockRunsAfresh() {
        DeadlineClock clock = DeadlineClock.start(UUID.randomUUID(), "acceptBy", START, START.plusSeconds(1000));
        clock.stoppedAt = START.plusSeconds(10);
        clock.warnedAt = START.plusSeconds(800);
        clock.restart(START.plusSeconds(5000), START.plusSeconds(6000));
        assertNull(clock.stoppedAt);
        assertNull(clock.warnedAt);
        assertEquals(START.plusSeconds(5800), clock.warnAt);
    }

    @ParameterizedTest(name = "{0} runs in {1}: {2}")
    @CsvSource({
        "acceptBy, NEW, true",
        "acceptBy, ASSIGNED, true",
        "acceptBy, ACCEPTED, false",
        "acceptBy, NOT_ACCEPTED, false",
        "verifyBy, ASSIGNED, true",
        "verifyBy, ACCEPTED, true",
        "verifyBy, UNDER_INVESTIGATION, true",
        "verifyBy, RESOLVED, false",
        "verifyBy, NOT_ACCEPTED, false",
        "mediationEndsBy, ACCEPTED, true",
        "mediationEndsBy, IN_MEDIATION, true",
        "mediationEndsBy, RESOLVED, false",
        "mediationEndsBy, CLOSED, false",
        "transferBy, ASSIGNED, true",
        "transferBy, NEW, false", // in triage: no department yet to pass it on
        "transferBy, ACCEPTED, false",
        "transferBy, NOT_ACCEPTED, false",
        "transferBy, TRANSFERRED, false",
    })
    void aDeadlineRunsOnlyInTheStatesItLimits(String name, CaseState state, boolean runs) {
        assertEquals(runs, DeadlineWatch.runs(name, state, true));
    }

    @Test
    void anUnsetDeadlineNeverRuns() {
        assertEquals(false, DeadlineWatch.runs("acceptBy", CaseState.ASSIGNED, false));
    }
}
