package cn.jxquality.platform.problem;

import io.quarkus.logging.Log;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One log line per interval for a message that may come thousands of times a second (every request refused while
 * the database is overloaded): each line says how many like it were left out since the last. Without it an overload
 * also floods the log, and writing it takes CPU that serving would need.
 */
public final class LogThrottle {

    private static final long NEVER = Long.MIN_VALUE;

    private final long intervalNanos;
    private final AtomicLong lastLogged = new AtomicLong(NEVER);
    private final AtomicLong leftOut = new AtomicLong();

    public LogThrottle(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
    }

    /** -1 to leave this one out, else how many were left out before it (then it is to be logged). */
    public long next(long nowNanos) {
        long last = lastLogged.get();
        if ((last == NEVER || nowNanos - last >= intervalNanos) && lastLogged.compareAndSet(last, nowNanos)) {
            return leftOut.getAndSet(0);
        }
        leftOut.incrementAndGet();
        return -1;
    }

    /** Logs {@code message} as a warning unless one was logged within the interval; says how many were left out. */
    public void warn(String message) {
        long leftOut = next(System.nanoTime());
        if (leftOut >= 0) {
            Log.warn(leftOut == 0 ? message : message + " (" + leftOut + " more since the last line, not logged)");
        }
    }
}
