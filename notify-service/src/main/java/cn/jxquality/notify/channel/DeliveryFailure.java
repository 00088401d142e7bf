package cn.jxquality.notify.channel;

/** A delivery the other side did not accept; permanent ones (a 4xx, a refused address) are not retried. */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    private DeliveryFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause, false, false);
        this.permanent = permanent;
    }

    /** Trying again would not help. */
    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, true, null);
    }

    /** Worth another try later (5xx, timeout, connection refused). */
    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, cause);
    }

    public boolean permanent() {
        return permanent;
    }

    /** Whether a failure of any kind should be retried: everything except a permanent {@code DeliveryFailure}. */
    public static boolean isPermanent(Throwable failure) {
        return failure instanceof DeliveryFailure d && d.permanent;
    }
}
