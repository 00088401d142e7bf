package cn.jxquality.notify.notification;

/** How recipients appear outside the database. */
final class Recipients {

    private Recipients() {}

    /** Department codes and roles are public; anything about a citizen is reduced to a hint. */
    static String mask(String recipient, RecipientKind kind) {
        if (kind != RecipientKind.CITIZEN || recipient == null) {
            return recipient;
        }
        return recipient.length() <= 12 ? "citizen:***" : recipient.substring(0, 12) + "***";
    }
}
