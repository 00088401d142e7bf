package cn.jxquality.notify.optout;

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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: a citizen stops messages about one complaint with the opt-out code every message carries. */
@Path("/api/v1/opt-outs")
@PermitAll
@Tag(name = "Opt-out")
public class OptOutResource {

    /** complaint-service's opt-out page relays citizens' opt-outs and names each citizen's address. */
    static final String RELAY_ROLE = "citizen-relay";

    private final OptOuts optOuts;
    private final OptOutConfig config;
    private final SecurityIdentity identity;

    OptOutResource(OptOuts optOuts, OptOutConfig config, SecurityIdentity identity) {
        this.optOuts = optOuts;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Stop SMS and e-mail about a complaint (tracking number + opt-out code); idempotent",
            description = "An unknown number and a wrong code both answer 404. After too many failures for a"
                    + " tracking number or from a client within the window, 429 with Retry-After.")
    public Uni<Response> optOut(@Valid @NotNull OptOutRequest request, @Context HttpServerRequest http) {
        return optOuts.optOut(request, client(http))
                .map(v -> Response.noContent().build());
    }

    /**
     * The peer, or the right-most X-Forwarded-For entry (the one our own proxy appended) behind a trusted proxy or when
     * the caller is the relay of the opt-out page.
     */
    private String client(HttpServerRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        boolean relayed = !identity.isAnonymous() && identity.hasRole(RELAY_ROLE);
        if ((config.behindTrustedProxy() || relayed) && forwarded != null) {
            String[] hops = forwarded.split(",");
            String last = hops.length == 0 ? "" : hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last.length() > 64 ? last.substring(0, 64) : last;
            }
        }
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
