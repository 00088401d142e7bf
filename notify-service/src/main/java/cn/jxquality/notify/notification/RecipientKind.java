package cn.jxquality.notify.notification;

/** Who a notification is for; an enterprise (ODR, DESIGN §4) is named by its unified social credit code. */
public enum RecipientKind {
    CITIZEN,
    DEPARTMENT,
    SUPERVISOR,
    ENTERPRISE
}
