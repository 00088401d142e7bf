package cn.jxquality.cases.deadline;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervisors' escalations (督办): cases whose deadline ran out, newest first. */
@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "auditor"})
@Tag(name = "Escalations")
public class EscalationResource {

    private final Escalations escalations;

    EscalationResource(Escalations escalations) {
        this.escalations = escalations;
    }

    @GET
    @Operation(summary = "Escalations, newest first; open=true (default) for those still waiting for the department")
    public Uni<List<Escalations.EscalationView>> list(
            @QueryParam("open") @DefaultValue("true") boolean open,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return escalations.list(open, trackingNumber, limit);
    }
}
