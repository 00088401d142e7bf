package cn.jxquality.notify.notification;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the notification log, oldest first, in keyset pages. */
@ApplicationScoped
public class NotificationLog {

    /** A page of the log; {@code next} is the {@code after} of the following page, null on the last. */
    public record NotificationPage(List<NotificationView> items, String next) {}

    /** Null filters mean "any"; {@code after} is the {@code next} of the previous page or null. */
    @WithSession
    public Uni<NotificationPage> find(String trackingNumber, NotificationStatus status, String after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (trackingNumber != null) {
            where.add("trackingNumber = :trackingNumber");
            params.and("trackingNumber", trackingNumber);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        LogCursor cursor = LogCursor.decode(after);
        if (cursor != null) {
            where.add("(createdAt > :afterAt or (createdAt = :afterAt and id > :afterId))");
            params.and("afterAt", cursor.createdAt()).and("afterId", cursor.id());
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by createdAt, id";
        return Notification.<Notification>find(query, params)
                .range(0, limit) // one more than asked: whether a next page exists
                .list()
                .map(rows -> page(rows, limit));
    }

    private static NotificationPage page(List<Notification> rows, int limit) {
        List<Notification> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next =
                rows.size() > limit ? LogCursor.after(shown.get(limit - 1)).encode() : null;
        return new NotificationPage(shown.stream().map(NotificationView::of).toList(), next);
    }
}
