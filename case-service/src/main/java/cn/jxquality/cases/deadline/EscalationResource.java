package cn.jxquality.cases.deadline;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervisors' escalations (督办): cases whose deadline ran out, newest first. */
@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "auditor"})
@Tag(name = "Escalations")
public class EscalationResource {

    /**
     * One escalation as supervisors see it; {@code dueAt} is the escalation's own deadline, {@code overdueAt} when
     * the scheduler reported it still open after that deadline.
     */
    public record EscalationView(
            UUID id,
            UUID caseId,
            String trackingNumber,
            String deadline,
            String departmentCode,
            Instant openedAt,
            Instant dueAt,
            Instant closedAt,
            Instant overdueAt) {

        static EscalationView of(Escalation e) {
            return new EscalationView(
                    e.id,
                    e.caseId,
                    e.trackingNumber,
                    e.deadlineName,
                    e.departmentCode,
                    e.openedAt,
                    e.dueAt,
                    e.closedAt,
                    e.overdueAt);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "Escalations, newest first; open=true (default) for those still waiting for the department")
    public Uni<List<EscalationView>> list(
            @QueryParam("open") @DefaultValue("true") boolean open,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String query = (open ? "closedAt is null" : "closedAt is not null")
                + (trackingNumber == null ? "" : " and trackingNumber = ?1");
        Sort newest = Sort.descending("openedAt", "id");
        var found = trackingNumber == null
                ? Escalation.<Escalation>find(query, newest)
                : Escalation.<Escalation>find(query, newest, trackingNumber);
        return found.page(Page.ofSize(limit))
                .list()
                .map(rows -> rows.stream().map(EscalationView::of).toList());
    }
}
