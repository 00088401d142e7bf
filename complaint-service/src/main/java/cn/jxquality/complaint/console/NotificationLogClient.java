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
import java.util.Map;
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

    /** A bulk re-send and where its notifications are now, counted by status. */
    record ResendBatch(
            UUID id,
            String requestedBy,
            Instant requestedAt,
            String channel,
            int total,
            Map<String, Integer> byStatus) {

        public int count(String status) {
            return byStatus == null ? 0 : byStatus.getOrDefault(status, 0);
        }

        /** Sent, skipped or failed again: nothing left to wait for. */
        public int settled() {
            return count("SENT") + count("SKIPPED") + count("FAILED");
        }

        public boolean done() {
            return settled() >= total;
        }

        public int percent() {
            return total == 0 ? 100 : settled() * 100 / total;
        }
    }

    /** Every FAILED notification ({@code channel}'s only, unless null) back to pending at once. */
    @POST
    @Path("/resend-batches")
    Uni<ResendBatch> resendAll(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("channel") String channel);

    @GET
    @Path("/resend-batches/{id}")
    Uni<ResendBatch> resendBatch(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/resend-batches")
    Uni<List<ResendBatch>> resendBatches(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("limit") int limit);

    /** A failed notification back to pending with fresh tries; 409 when it is not failed (any more). */
    @POST
    @Path("/{id}/resend")
    Uni<Notification> resend(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);
}
