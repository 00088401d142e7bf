package cn.jxquality.notify.notification;

import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The notification log, for supervisors and auditors; supervisors may resend a failed notification, or all of them. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "auditor"})
@Tag(name = "Notification log")
public class NotificationResource {

    private final NotificationLog log;
    private final Resender resender;
    private final ResendBatches batches;
    private final SecurityIdentity identity;

    NotificationResource(NotificationLog log, Resender resender, ResendBatches batches, SecurityIdentity identity) {
        this.log = log;
        this.resender = resender;
        this.batches = batches;
        this.identity = identity;
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

    /** The bulk re-send: every FAILED notification, or a channel's, re-queued at once (201 with the batch). */
    @POST
    @Path("/resend-batches")
    @RolesAllowed("supervisor")
    @Operation(
            summary = "Re-queue every FAILED notification (of ?channel= only) with fresh tries; the batch answers"
                    + " where they are now")
    public Uni<RestResponse<ResendBatches.Batch>> resendAll(@QueryParam("channel") NotificationChannel channel) {
        return batches.start(identity.getPrincipal().getName(), channel)
                .map(batch -> RestResponse.ResponseBuilder.<ResendBatches.Batch>created(
                                URI.create("/api/v1/notifications/resend-batches/" + batch.id()))
                        .entity(batch)
                        .build());
    }

    @GET
    @Path("/resend-batches")
    @Operation(summary = "The latest bulk re-sends, newest first, with their notifications counted by status")
    public Uni<List<ResendBatches.Batch>> resendBatches(
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        return batches.recent(limit);
    }

    @GET
    @Path("/resend-batches/{batchId}")
    @Operation(summary = "One bulk re-send with its notifications counted by status")
    public Uni<ResendBatches.Batch> resendBatch(@PathParam("batchId") UUID batchId) {
        return batches.find(batchId)
                .map(batch -> batch.orElseThrow(() -> ProblemException.notFound("No re-send batch " + batchId + ".")));
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed("supervisor")
    @Operation(summary = "Re-queue a FAILED notification with a fresh set of tries (409 for any other status)")
    public Uni<RestResponse<NotificationView>> resend(@PathParam("id") UUID id) {
        return resender.resend(id).map(RestResponse::accepted);
    }
}
