package cn.jxquality.notify.contact;

import java.util.List;
import java.util.UUID;

/** The body of complaint-service's contact look-up: up to {@link #MAX_IDS} complaint ids. */
public record ContactLookup(List<UUID> complaintIds) {

    public static final int MAX_IDS = 100;
}
