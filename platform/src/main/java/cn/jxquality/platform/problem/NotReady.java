package cn.jxquality.platform.problem;

/**
 * A part of this service still starting (e.g. a table read into memory at start-up): an outage ({@link Outage}), so a
 * request is answered 503 with {@code Retry-After} and a consumer waits and tries again, instead of acting without it.
 */
public class NotReady extends RuntimeException {

    public NotReady(String what) {
        super(what + " is not loaded yet");
    }
}
