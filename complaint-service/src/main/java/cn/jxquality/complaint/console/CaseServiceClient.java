package cn.jxquality.complaint.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
 * case-service's case API as the console reads and works it, always with the signed-in user's own token, so
 * case-service applies its own rules (roles, a department's scope, the state machine, versions) to everything the
 * console shows and does.
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
            String subjectName,
            String departmentCode,
            String state,
            String outcome,
            String decisionNumber,
            Long finesFen,
            Long confiscationsFen,
            Map<String, Instant> deadlines,
            List<String> provisionalDeadlines,
            Instant waitingForMaterialsSince,
            Instant receivedAt,
            Instant assignedAt,
            Instant acceptedAt,
            Instant resolvedAt,
            Instant closedAt,
            int version) {

        /**
         * The deadline the department works against in the case's state (deadlines met earlier stay in the map),
         * the earliest when two run at once; null when none does.
         */
        public Map.Entry<String, Instant> runningDeadline() {
            List<String> running = switch (state) {
                case "ASSIGNED" -> List.of("acceptBy", "verifyBy", "transferBy");
                case "ACCEPTED", "IN_MEDIATION", "UNDER_INVESTIGATION" -> List.of("mediationEndsBy", "verifyBy");
                default -> List.of();
            };
            return deadlines == null
                    ? null
                    : deadlines.entrySet().stream()
                            .filter(d -> running.contains(d.getKey()))
                            .min(Map.Entry.comparingByValue())
                            .orElse(null);
        }

        /** Whether the running deadline has passed. */
        public boolean overdue() {
            Map.Entry<String, Instant> running = runningDeadline();
            return running != null && running.getValue().isBefore(Instant.now());
        }
    }

    /** One page of cases. */
    record CasePage(List<CaseItem> items, String next) {}

    /** One entry of a case's audit trail. */
    record CaseEvent(
            long id,
            String type,
            String toState,
            String actor,
            String actorRole,
            String departmentCode,
            Instant at,
            String note,
            String visibility) {}

    /** The actions open to the user on a case now, at its version. */
    record AllowedActions(UUID caseId, int version, List<String> actions) {}

    /** The worklist: the user's own cases (a department) or all (a supervisor), newest first, filtered. */
    @GET
    Uni<CasePage> list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("state") String state,
            @QueryParam("overdue") String overdue,
            @QueryParam("kind") String kind,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("after") String after,
            @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    Uni<CaseItem> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/{id}/actions")
    Uni<AllowedActions> actions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    /** One action ({@code accept}, {@code resolve}, …) at the version the user saw; 412 when it moved on. */
    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<CaseItem> act(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @PathParam("id") UUID id,
            @PathParam("action") String action,
            Map<String, Object> body);

    /** The cases received in [{@code receivedFrom}, {@code receivedTo}) that the user may see, newest first. */
    @GET
    Uni<CasePage> received(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo,
            @QueryParam("after") String after,
            @QueryParam("limit") int limit);

    @GET
    Uni<CasePage> byTrackingNumber(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("limit") int limit);

    @GET
    @Path("/{id}/events")
    Uni<List<CaseEvent>> events(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);
}
