package cn.jxquality.notify.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the notification log, oldest first, in keyset pages. */
@ApplicationScoped
public class NotificationLog {

    /**
     * The log's best plan depends on its values (the few {@code PENDING} notices or the many {@code SENT} ones). The
     * pool lets PostgreSQL settle on a generic plan for a statement it runs often (recording, leasing, delivery
     * outcomes), so the log asks for plans made with its values, for its own transaction only.
     */
    static final String PLAN_WITH_VALUES = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    /** A page of the log; {@code next} is the {@code after} of the following page, null on the last. */
    public record NotificationPage(List<NotificationView> items, String next) {}

    /** Null filters mean "any"; {@code after} is the {@code next} of the previous page or null. */
    @WithTransaction
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
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(PLAN_WITH_VALUES).getSingleResult())
                .chain(planned -> Notification.<Notification>find(query, params)
                        .range(0, limit) // one more than asked: whether a next page exists
                        .list())
                .map(rows -> page(rows, limit));
    }

    private static NotificationPage page(List<Notification> rows, int limit) {
        List<Notification> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next =
                rows.size() > limit ? LogCursor.after(shown.get(limit - 1)).encode() : null;
        return new NotificationPage(shown.stream().map(NotificationView::of).toList(), next);
    }
}
