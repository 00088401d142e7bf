package cn.jxquality.notify.routing;

import cn.jxquality.platform.messaging.InboundEvent;
import java.util.Set;
import java.util.UUID;

/**
 * What a consumed event is about: a complaint, named by its id and tracking number, or (a risk alert, moved deadlines)
 * none.
 */
public final class EventSubjects {

    /**
     * Types about no single complaint: a risk alert concerns an enterprise or a category of one city, moved deadlines
     * the cases a newly loaded calendar changed.
     */
    static final Set<String> ABOUT_NO_COMPLAINT = Set.of("case.risk-alert.v1", "case.deadlines-moved.v1");

    private EventSubjects() {}

    /** The complaint the event is about; null only for types about none, required (a UUID) for all others. */
    public static UUID complaintId(InboundEvent event) {
        return ABOUT_NO_COMPLAINT.contains(event.type()) ? null : UUID.fromString(event.text("complaintId"));
    }

    /** The complaint's tracking number; null only for types about no complaint, required for all others. */
    public static String trackingNumber(InboundEvent event) {
        return ABOUT_NO_COMPLAINT.contains(event.type()) ? null : event.text("trackingNumber");
    }

    /** What the event is about, for log lines: the tracking number, or the type and id of an event about none. */
    public static String about(InboundEvent event) {
        return ABOUT_NO_COMPLAINT.contains(event.type())
                ? event.type() + " " + event.id()
                : event.text("trackingNumber");
    }
}
