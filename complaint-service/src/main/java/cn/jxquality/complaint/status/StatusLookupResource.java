package cn.jxquality.complaint.status;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public status page's API: a POST, so the query code never lands in a URL or an access log. */
@Path("/api/v1/status-lookups")
@Tag(name = "Public status")
public class StatusLookupResource {

    private final StatusService status;

    StatusLookupResource(StatusService status) {
        this.status = status;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Look up a complaint's public status with its tracking number and query code")
    public Uni<PublicTimeline> lookup(@NotNull @Valid StatusLookup lookup) {
        return status.lookup(lookup);
    }
}
