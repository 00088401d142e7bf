package cn.jxquality.notify.inbox;

import cn.jxquality.notify.notification.LogCursor;
import cn.jxquality.notify.notification.Notification;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The in-app inbox of a department (its code), of the supervisors ({@code supervisor}) or of an enterprise. */
@ApplicationScoped
public class Inbox {

    /** A page of an inbox, newest first; {@code next} is the {@code after} of the following (older) page. */
    public record InboxPage(List<InboxItem> items, String next) {}

    /** The recipient's kind is part of its name: no department code can read an enterprise's inbox, nor the reverse. */
    @WithSession
    public Uni<InboxPage> of(RecipientKind kind, String recipient, String trackingNumber, String after, int limit) {
        StringBuilder query =
                new StringBuilder("recipientKind = :kind and recipient = :recipient and channel = :channel");
        Parameters params =
                Parameters.with("kind", kind).and("recipient", recipient).and("channel", NotificationChannel.IN_APP);
        if (trackingNumber != null) {
            query.append(" and trackingNumber = :trackingNumber");
            params.and("trackingNumber", trackingNumber);
        }
        LogCursor cursor = LogCursor.decode(after);
        if (cursor != null) {
            query.append(" and (createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))");
            params.and("afterAt", cursor.createdAt()).and("afterId", cursor.id());
        }
        return Notification.<Notification>find(query + " order by createdAt desc, id desc", params)
                .range(0, limit) // one more than asked: whether an older page exists
                .list()
                .map(rows -> page(rows, limit));
    }

    private static InboxPage page(List<Notification> rows, int limit) {
        List<Notification> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next =
                rows.size() > limit ? LogCursor.after(shown.get(limit - 1)).encode() : null;
        return new InboxPage(
                shown.stream()
                        .map(n -> new InboxItem(
                                n.id(), n.eventType(), n.trackingNumber(), n.template(), n.body(), n.createdAt()))
                        .toList(),
                next);
    }
}
