package cn.jxquality.notify.notification;

/** How recipients and addresses appear outside the database: in the API and in logs. */
public final class Recipients {

    private Recipients() {}

    /** Department codes and roles are public; anything about a citizen is reduced to a hint. */
    public static String mask(String recipient, RecipientKind kind) {
        if (kind != RecipientKind.CITIZEN || recipient == null) {
            return recipient;
        }
        return recipient.length() <= 12 ? "citizen:***" : recipient.substring(0, 12) + "***";
    }

    /** {@code 13812345678} → {@code 138****5678}; {@code zhang.san@example.cn} → {@code z***@example.cn}. */
    public static String maskAddress(String address) {
        if (address == null || address.isBlank()) {
            return "-";
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        if (address.startsWith("http")) {
            return address;
        }
        return address.length() < 7
                ? "***"
                : address.substring(0, 3) + "****" + address.substring(address.length() - 4);
    }
}
