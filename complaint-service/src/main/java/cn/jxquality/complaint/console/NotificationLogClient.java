package cn.jxquality.complaint.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notify-service's notification log as the supervisors' queue of failed notifications reads it, with the user's own
 * token: notify-service decides who may list and who may re-send.
 */
@RegisterRestClient(configKey = "notify-service")
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationLogClient {

    /** One notification as the log shows it: the recipient already masked by notify-service. */
    record Notification(
            UUID id,
            String eventType,
            String trackingNumber,
            String channel,
            String recipient,
            String recipientKind,
            String template,
            String language,
            String status,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}

    /** One page of the log, oldest first; {@code next} continues it. */
    record NotificationPage(List<Notification> items, String next) {}

    @GET
    Uni<NotificationPage> list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("status") String status,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("after") String after,
            @QueryParam("limit") int limit);

    /** A failed notification back to pending with fresh tries; 409 when it is not failed (any more). */
    @POST
    @Path("/{id}/resend")
    Uni<Notification> resend(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);
}
