package cn.jxquality.notify.delivery;

/**
 * Where one notification goes and in which language, or why it goes nowhere; for an address its owner has not
 * confirmed, the code that confirms it (the receipt carries it).
 */
record Target(String address, String language, String skipReason, String confirmationCode) {

    static Target to(String address, String language) {
        return new Target(address, language, null, null);
    }

    static Target unconfirmed(String address, String language, String confirmationCode) {
        return new Target(address, language, null, confirmationCode);
    }

    static Target nowhere(String reason) {
        return new Target(null, null, reason, null);
    }

    boolean skipped() {
        return skipReason != null;
    }
}
