package cn.jxquality.complaint.status;

import cn.jxquality.platform.throttle.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public status page's API: a POST, so the query code never lands in a URL or an access log. */
@Path("/api/v1/status-lookups")
@Tag(name = "Public status")
public class StatusLookupResource {

    private final StatusService status;
    private final ClientAddress clients;

    StatusLookupResource(StatusService status, ClientAddress clients) {
        this.status = status;
        this.clients = clients;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Look up a complaint's public status with its tracking number and query code",
            description = "An unknown number and a wrong code both answer 404. After too many failures for a"
                    + " tracking number or from a client within the window, 429 with Retry-After.")
    public Uni<PublicTimeline> lookup(@NotNull @Valid StatusLookup lookup, @Context HttpServerRequest request) {
        return status.lookup(lookup, clients.of(request));
    }
}
