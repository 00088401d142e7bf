package cn.jxquality.notify.notification;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the notification log. */
@ApplicationScoped
public class NotificationLog {

    /** A page of the log. */
    public record NotificationPage(List<NotificationView> items) {}

    /** Oldest first; null filters mean "any". */
    @WithSession
    public Uni<NotificationPage> find(String trackingNumber, NotificationStatus status, int limit) {
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
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by createdAt, id";
        return Notification.<Notification>find(query, params)
                .range(0, limit - 1)
                .list()
                .map(rows -> new NotificationPage(
                        rows.stream().map(NotificationView::of).toList()));
    }
}
