package cn.jxquality.notify.channel;

/**
 * A delivery the other side did not accept; permanent ones (a 4xx, a refused address) are not retried. A transient
 * one may have reached the other side all the same when its answer was lost ({@link #mayHaveArrived}).
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;
    private final boolean outcomeUnknown;

    private DeliveryFailure(String reason, boolean permanent, boolean outcomeUnknown, Throwable cause) {
        super(reason, cause, false, false);
        this.permanent = permanent;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Trying again would not help. */
    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, true, false, null);
    }

    /** Worth another try later (5xx, connection refused): the other side did not take the message. */
    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, false, cause);
    }

    /** Worth another try later, but the message may have arrived (its answer timed out, the connection broke). */
    public static DeliveryFailure answerLost(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, true, cause);
    }

    public boolean permanent() {
        return permanent;
    }

    /** Whether {@code failure} leaves open that the message arrived: only a {@code DeliveryFailure} can say it did not. */
    public static boolean mayHaveArrived(Throwable failure) {
        return !(failure instanceof DeliveryFailure d) || d.outcomeUnknown;
    }

    /** Whether a failure of any kind should be retried: everything except a permanent {@code DeliveryFailure}. */
    public static boolean isPermanent(Throwable failure) {
        return failure instanceof DeliveryFailure d && d.permanent;
    }
}
