package cn.jxquality.notify.notification;

/** Where a notification is in its delivery. */
public enum NotificationStatus {
    /** Recorded, waiting for the dispatcher (also between retries). */
    PENDING,
    /** An SMS held back by quiet hours until {@code nextAttemptAt}. */
    DEFERRED,
    SENT,
    /** Every try failed, or the channel refused it for good; published to notification-dlq. */
    FAILED,
    /** Not sent on purpose: no address for this channel, or the citizen opted out. */
    SKIPPED
}
