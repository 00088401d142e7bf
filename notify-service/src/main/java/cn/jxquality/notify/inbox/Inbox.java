package cn.jxquality.notify.inbox;

import cn.jxquality.notify.notification.Notification;
import cn.jxquality.notify.notification.NotificationChannel;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The in-app inbox of a department (its code) or of the supervisors ({@code supervisor}). */
@ApplicationScoped
public class Inbox {

    /** A page of an inbox, newest first. */
    public record InboxPage(List<InboxItem> items) {}

    @WithSession
    public Uni<InboxPage> of(String recipient, String trackingNumber, int limit) {
        String query = "recipient = :recipient and channel = :channel"
                + (trackingNumber == null ? "" : " and trackingNumber = :trackingNumber")
                + " order by createdAt desc, id";
        Parameters params = Parameters.with("recipient", recipient).and("channel", NotificationChannel.IN_APP);
        if (trackingNumber != null) {
            params.and("trackingNumber", trackingNumber);
        }
        return Notification.<Notification>find(query, params)
                .range(0, limit - 1)
                .list()
                .map(rows -> new InboxPage(rows.stream()
                        .map(n -> new InboxItem(n.id, n.eventType, n.trackingNumber, n.template, n.body, n.createdAt))
                        .toList()));
    }
}
