package cn.jxquality.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Running out of something that comes back answers 503 with Retry-After; a refusal that will not pass stays a 500. */
class UnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @ParameterizedTest
    @ValueSource(strings = {"53300", "53100", "53200", "57P01", "57P03", "08006", "55P03", "40001", "40P01"})
    void whatComesBackIsA503WithRetryAfter(String sqlState) {
        assertUnavailable(mappers.databaseRefused(new PgException("refused", "FATAL", sqlState, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "22001", "XX000"})
    void whatWillNotPassIsTheServersFault(String sqlState) {
        Response response = mappers.databaseRefused(new PgException("refused", "ERROR", sqlState, null));
        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
    }

    @Test
    void anUnreachableDatabaseOrAFullPoolIsA503() {
        assertUnavailable(mappers.unreachable(new ConnectException("Connection refused")));
        assertUnavailable(mappers.connectionClosed(ClosedConnectionException.INSTANCE));
        assertUnavailable(mappers.poolTooBusy(new ConnectionPoolTooBusyException("queue full")));
    }

    private static void assertUnavailable(Response response) {
        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(
                Problem.TYPE_BASE + "unavailable",
                ((Problem) response.getEntity()).type().toString());
    }
}
