package cn.jxquality.notify.delivery;

/** Where one notification goes and in which language, or why it goes nowhere. */
record Target(String address, String language, String skipReason) {

    static Target to(String address, String language) {
        return new Target(address, language, null);
    }

    static Target nowhere(String reason) {
        return new Target(null, null, reason);
    }

    boolean skipped() {
        return skipReason != null;
    }
}
