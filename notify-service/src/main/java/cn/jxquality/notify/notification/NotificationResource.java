package cn.jxquality.notify.notification;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notification log, for supervisors and auditors. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "auditor"})
@Tag(name = "Notification log")
public class NotificationResource {

    private final NotificationLog log;

    NotificationResource(NotificationLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "Notifications, oldest first, filtered by tracking number and status")
    public Uni<NotificationLog.NotificationPage> list(
            @QueryParam("trackingNumber") @Size(max = 20) String trackingNumber,
            @QueryParam("status") NotificationStatus status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return log.find(trackingNumber, status, limit);
    }
}
