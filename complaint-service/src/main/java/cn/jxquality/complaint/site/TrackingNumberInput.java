package cn.jxquality.complaint.site;

import java.util.Locale;

/** A tracking number as a citizen types or a link carries it: trimmed, upper case, never longer than one can be. */
final class TrackingNumberInput {

    static final int MAX_LENGTH = 20;

    private TrackingNumberInput() {}

    static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        String number = typed.strip().toUpperCase(Locale.ROOT);
        return number.length() > MAX_LENGTH ? number.substring(0, MAX_LENGTH) : number;
    }
}
