package cn.jxquality.cases.messaging;

import java.time.DateTimeException;

/**
 * Tells a message that can never be processed (malformed: retrying cannot help, it goes to the dead-letter
 * topic at once) from a failure that may pass (e.g. the database briefly unreachable: retried first, so accepted
 * work is not parked in the dead-letter topic by a hiccup).
 */
public final class PoisonMessage {

    private PoisonMessage() {}

    public static boolean is(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof IllegalArgumentException
                    || e instanceof java.io.UncheckedIOException
                    || e instanceof DateTimeException
                    || e instanceof NullPointerException) {
                return true;
            }
        }
        return false;
    }
}
