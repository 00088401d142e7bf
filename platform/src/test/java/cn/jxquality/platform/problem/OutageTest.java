package cn.jxquality.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/** What the database's restart throws, however wrapped, is an outage; a refusal that will not pass is not. */
class OutageTest {

    @Test
    void aRestartingOrUnreachableDatabaseIsAnOutage() {
        assertTrue(Outage.is(new SocketException("Connection reset")));
        assertTrue(Outage.is(new ConnectException("Connection refused")));
        assertTrue(Outage.is(ClosedConnectionException.INSTANCE));
        assertTrue(Outage.is(
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null)));
        assertTrue(Outage.is(new PgException("the database system is starting up", "FATAL", "57P03", null)));
        assertTrue(Outage.is(new NoStackTraceTimeoutException("Timeout")));
        assertTrue(Outage.is(new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")));
    }

    @Test
    void whatWrapsItIsLookedThrough() {
        assertTrue(Outage.is(new CompletionException(new HibernateException(new SocketException("Connection reset")))));
        assertFalse(Outage.is(new CompletionException(new HibernateException("no such entity"))));
    }

    @Test
    void aRefusalThatWillNotPassIsNot() {
        assertFalse(Outage.is(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(Outage.is(new IllegalArgumentException("bad event")));
        assertFalse(Outage.is(new IllegalStateException("Timeout")));
        assertFalse(Outage.is(new NoStackTraceThrowable("Couldn't find the entity")));
    }

    @Test
    void aWrappedOutageIsA503AndAnythingElseA500() {
        ProblemMappers mappers = new ProblemMappers();
        Response outage = mappers.unexpected(new HibernateException(new SocketException("Connection reset")));
        assertEquals(503, outage.getStatus());
        assertEquals("5", outage.getHeaderString("Retry-After"));
        Response fault = mappers.unexpected(new IllegalStateException("bug"));
        assertEquals(500, fault.getStatus());
        assertNull(fault.getHeaderString("Retry-After"));
    }

    @Test
    void anotherServiceAwayIsAnOutageItsRefusalIsNot() {
        assertTrue(Outage.is(new jakarta.ws.rs.WebApplicationException(503)));
        assertTrue(Outage.is(new CompletionException(new jakarta.ws.rs.WebApplicationException(504))));
        assertTrue(Outage.is(new jakarta.ws.rs.WebApplicationException(502)));
        assertFalse(Outage.is(new jakarta.ws.rs.WebApplicationException(500)));
        assertFalse(Outage.is(new jakarta.ws.rs.WebApplicationException(401)));
        assertFalse(Outage.is(new jakarta.ws.rs.WebApplicationException(404)));
    }

    @Test
    void aPartStillStartingIsAnOutage() {
        assertTrue(Outage.is(new NotReady("the routing table")));
        assertTrue(Outage.is(new CompletionException(new NotReady("the routing table"))));
    }
}
