package cn.jxquality.notify.notification;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notification log, for supervisors and auditors. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "auditor"})
@Tag(name = "Notification log")
public class NotificationResource {

    /** A page of the log. */
    public record NotificationPage(List<NotificationView> items) {}

    @GET
    @WithSession
    @Operation(summary = "Notifications, oldest first, filtered by tracking number and status")
    public Uni<NotificationPage> list(
            @QueryParam("trackingNumber") @Size(max = 20) String trackingNumber,
            @QueryParam("status") NotificationStatus status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
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
