package cn.jxquality.notify.notification;

/** How a notification travels. */
public enum NotificationChannel {
    SMS,
    EMAIL,
    WEBHOOK,
    IN_APP
}
