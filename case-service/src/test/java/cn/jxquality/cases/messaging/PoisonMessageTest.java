package cn.jxquality.cases.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PoisonMessageTest {

    @Test
    void malformedEventsArePoison() {
        assertTrue(PoisonMessage.is(new UncheckedIOException("event data is not JSON", new IOException())));
        assertTrue(PoisonMessage.is(assertThrowsAny(() -> UUID.fromString("not-a-uuid"))));
        assertTrue(PoisonMessage.is(assertThrowsAny(() -> Instant.parse("yesterday"))));
        assertTrue(PoisonMessage.is(new CompletionException(new IllegalArgumentException("lacks complaintId"))));
    }

    @Test
    void failuresThatMayPassAreRetriedNotDeadLettered() {
        assertFalse(PoisonMessage.is(new IllegalStateException("connection refused")));
        assertFalse(PoisonMessage.is(new CompletionException(new java.net.ConnectException("refused"))));
        assertFalse(PoisonMessage.is(new RuntimeException("timeout")));
    }

    private static Throwable assertThrowsAny(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
