package cn.jxquality.cases.routing;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration of the routing data: the seeds are data, reloaded without a release. */
@Path("/api/v1/routing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Routing")
public class RoutingResource {

    /** How many rules the table holds after the reload. */
    public record Reloaded(int rules) {}

    private final RoutingDirectory directory;

    RoutingResource(RoutingDirectory directory) {
        this.directory = directory;
    }

    @POST
    @Path("/reload")
    @RolesAllowed("admin")
    @Operation(summary = "Re-read departments and routing rules from the seeds; every replica follows within a minute")
    public Uni<Reloaded> reload() {
        return directory.reload().map(Reloaded::new);
    }
}
