package cn.jxquality.notify.optout;

import cn.jxquality.platform.throttle.ClientAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Public: a citizen stops messages about one complaint with the opt-out code every message carries. */
@Path("/api/v1/opt-outs")
@PermitAll
@Tag(name = "Opt-out")
public class OptOutResource {

    /** complaint-service's opt-out page relays citizens' opt-outs and names each citizen's address. */
    private final OptOuts optOuts;

    private final ClientAddress clients;
    private final SecurityIdentity identity;

    OptOutResource(OptOuts optOuts, ClientAddress clients, SecurityIdentity identity) {
        this.optOuts = optOuts;
        this.clients = clients;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Stop SMS and e-mail about a complaint (tracking number + opt-out code); idempotent",
            description = "An unknown number and a wrong code both answer 404. After too many failures for a"
                    + " tracking number or from a client within the window, 429 with Retry-After.")
    public Uni<RestResponse<Void>> optOut(@Valid @NotNull OptOutRequest request, @Context HttpServerRequest http) {
        return optOuts.optOut(request, clients.of(http, identity)).map(v -> RestResponse.noContent());
    }
}
