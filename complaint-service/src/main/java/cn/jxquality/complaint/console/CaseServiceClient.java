package cn.jxquality.complaint.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * case-service's case API as the console reads it, always with the signed-in user's own token, so case-service applies
 * its own rules (roles, a department's scope) to everything the console shows.
 */
@RegisterRestClient(configKey = "case-service")
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
public interface CaseServiceClient {

    /** A case as the console shows it (case-service's {@code CaseView}; fields it adds later are ignored). */
    record CaseItem(
            UUID id,
            String trackingNumber,
            String kind,
            String category,
            String regionCode,
            String departmentCode,
            String state,
            String outcome,
            String refusalGround,
            String outcomeGround,
            Map<String, Instant> deadlines,
            List<String> provisionalDeadlines,
            Instant receivedAt,
            Instant assignedAt,
            Instant acceptedAt,
            Instant resolvedAt,
            Instant closedAt,
            int version) {}

    /** One page of cases. */
    record CasePage(List<CaseItem> items, String next) {}

    /** One entry of a case's audit trail. */
    record CaseEvent(
            long id,
            String type,
            String fromState,
            String toState,
            String actor,
            String actorRole,
            String departmentCode,
            Instant at,
            String note,
            String visibility) {}

    @GET
    Uni<CasePage> byTrackingNumber(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("limit") int limit);

    @GET
    @Path("/{id}/events")
    Uni<List<CaseEvent>> events(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);
}
