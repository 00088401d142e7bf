package cn.jxquality.notify.notification;

/** Who a notification is for. */
public enum RecipientKind {
    CITIZEN,
    DEPARTMENT,
    SUPERVISOR
}
