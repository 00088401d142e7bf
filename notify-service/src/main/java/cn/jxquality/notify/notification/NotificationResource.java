package cn.jxquality.notify.notification;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notification log, for supervisors and auditors; supervisors may resend a failed notification. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "auditor"})
@Tag(name = "Notification log")
public class NotificationResource {

    private final NotificationLog log;
    private final Resender resender;

    NotificationResource(NotificationLog log, Resender resender) {
        this.log = log;
        this.resender = resender;
    }

    @GET
    @Operation(
            summary = "Notifications, oldest first, filtered by tracking number and status;"
                    + " pass a page's next as after for the following page")
    public Uni<NotificationLog.NotificationPage> list(
            @QueryParam("trackingNumber") @Size(max = 20) String trackingNumber,
            @QueryParam("status") NotificationStatus status,
            @QueryParam("after") @Size(max = 200) String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return log.find(trackingNumber, status, after, limit);
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed("supervisor")
    @Operation(summary = "Re-queue a FAILED notification with a fresh set of tries (409 for any other status)")
    public Uni<Response> resend(@PathParam("id") UUID id) {
        return resender.resend(id).map(view -> Response.accepted(view).build());
    }
}
