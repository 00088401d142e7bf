package cn.jxquality.platform.problem;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.WebApplicationException;
import java.net.SocketException;

/**
 * A failure that passes by itself: the database or a peer away for a while (shutting down, starting, unreachable, a
 * connection reset or timed out, the pool's queue full, another service answering 502, 503 or 504), or a lock or
 * serialisation conflict. A request that meets
 * one is answered 503 with {@code Retry-After}; a consumer waits it out rather than dead-letter a good event.
 * Whatever wraps the failure (Hibernate Reactive, a {@code CompletionException}) is looked through.
 */
public final class Outage {

    private static final int MAX_CAUSES = 10;

    private Outage() {}

    public static boolean is(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof PgException pg) {
                return isTransient(pg.getSqlState());
            }
            if (cause instanceof WebApplicationException peer) {
                return peerAway(
                        peer.getResponse() == null ? 0 : peer.getResponse().getStatus());
            }
            if (cause instanceof NotReady) {
                return true;
            }
            if (cause instanceof SocketException // ConnectException, a connection reset
                    || cause instanceof ClosedConnectionException
                    || cause instanceof ConnectionPoolTooBusyException
                    || timedOut(cause)
                    || closedUnderneath(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Another service's answer (through a REST client) that it is away for a while: 502, 503, 504. */
    static boolean peerAway(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /**
     * SQLSTATE classes 08 (connection), 53 (insufficient resources: disk, memory, too many connections), 57P0x
     * (shutting down, starting up), 55P03 (lock not available), 40001 and 40P01 (serialisation failure, deadlock).
     */
    static boolean isTransient(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.startsWith("53")
                        || sqlState.startsWith("57P0")
                        || sqlState.equals("55P03")
                        || sqlState.equals("40001")
                        || sqlState.equals("40P01"));
    }

    /**
     * A statement sent on a connection the server just closed: Vert.x says so only in a message ("Connection is not
     * active now, current status: CLOSED"), met while PostgreSQL shut down under load.
     */
    private static boolean closedUnderneath(Throwable cause) {
        return cause instanceof NoStackTraceThrowable
                && cause.getMessage() != null
                && cause.getMessage().startsWith("Connection is not active now");
    }

    /**
     * Vert.x's and the JDK's timeouts (a request, a connection), whatever their package, and the pool's two ways of
     * saying that no connection came in time: "Timeout waiting for connection" for a statement run on the pool,
     * "Timeout" for a connection or transaction taken from it (database.BoundedPool bounds that wait).
     */
    private static boolean timedOut(Throwable cause) {
        if (cause instanceof VertxException || cause instanceof java.util.concurrent.TimeoutException) {
            return cause.getClass().getSimpleName().endsWith("TimeoutException")
                    || "Timeout waiting for connection".equals(cause.getMessage());
        }
        return cause instanceof NoStackTraceThrowable && "Timeout".equals(cause.getMessage());
    }
}
