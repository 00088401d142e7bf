package cn.jxquality.complaint.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jxquality.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void acceptsAUuidAndAHundredCharacters() {
        assertEquals(
                "3f1c9a2e-7b7d-4c1e-9a43-2f7c2c1b9d10",
                IdempotencyKey.ofHeader("3f1c9a2e-7b7d-4c1e-9a43-2f7c2c1b9d10").value());
        assertEquals(100, IdempotencyKey.ofHeader("k".repeat(100)).value().length());
        assertNull(IdempotencyKey.ofHeader(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\tkey", "键", "nul\u0000"})
    void rejectsWhatIsNotPrintableAscii(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> IdempotencyKey.ofHeader(header));
        assertEquals("Idempotency-Key", e.problem().violations().get(0).field());
    }

    @Test
    void rejectsMoreThanAHundredCharacters() {
        assertThrows(ProblemException.class, () -> IdempotencyKey.ofHeader("k".repeat(101)));
    }
}
