package cn.jxquality.complaint.contact;

import java.util.UUID;

/** How to reach a complaint's person, for notify-service at send time; never stored there. */
public record Contact(UUID complaintId, String name, String mobile, String email, String language, boolean anonymous) {

    /** Messages to citizens are in Simplified Chinese. */
    public static final String LANGUAGE = "zh-CN";

    @Override
    public String toString() {
        return "Contact[" + complaintId + ", masked]";
    }
}
