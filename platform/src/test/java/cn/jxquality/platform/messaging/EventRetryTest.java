package cn.jxquality.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An outage is waited out however long; another failure is tried a few times; a hopeless one at once given up. */
class EventRetryTest {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);

    @Test
    void anOutageIsWaitedOutBeyondTheRetriesOtherFailuresGet() {
        AtomicInteger attempts = new AtomicInteger();
        // the database away for 6 tries, more than the 2 another failure gets (the backoff doubles from 200 ms to 5 s)
        String applied = EventRetry.attempt(
                        () -> attempts.incrementAndGet() <= 6
                                ? Uni.createFrom().failure(new SocketException("Connection reset"))
                                : Uni.createFrom().item("applied"),
                        2,
                        failure -> false)
                .await()
                .atMost(LONG_ENOUGH);
        assertEquals("applied", applied);
        assertEquals(7, attempts.get());
    }

    @Test
    void anotherFailureIsTriedAgainUpToTheRetriesThenStands() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("constraint");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> EventRetry.attempt(
                                () -> {
                                    attempts.incrementAndGet();
                                    return Uni.createFrom().failure(failure);
                                },
                                3,
                                f -> false)
                        .await()
                        .atMost(LONG_ENOUGH));
        assertSame(failure, thrown);
        assertEquals(4, attempts.get());
    }

    @Test
    void aHopelessFailureIsGivenUpAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(
                IllegalArgumentException.class,
                () -> EventRetry.attempt(
                                () -> {
                                    attempts.incrementAndGet();
                                    return Uni.createFrom().failure(new IllegalArgumentException("malformed"));
                                },
                                8,
                                f -> f instanceof IllegalArgumentException)
                        .await()
                        .atMost(LONG_ENOUGH));
        assertEquals(1, attempts.get());
    }
}
