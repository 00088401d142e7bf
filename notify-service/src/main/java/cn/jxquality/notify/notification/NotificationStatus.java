package cn.jxquality.notify.notification;

/** Where a notification is in its delivery. */
public enum NotificationStatus {
    PENDING,
    DEFERRED,
    SENT,
    FAILED
}
