package cn.jxquality.complaint.contact;

import java.util.UUID;

/** How to reach a complaint's person, and in which language ({@code zh-CN} or {@code en}), for notify-service at send time. */
public record Contact(UUID complaintId, String name, String mobile, String email, String language, boolean anonymous) {

    @Override
    public String toString() {
        return "Contact[" + complaintId + ", masked]";
    }
}
