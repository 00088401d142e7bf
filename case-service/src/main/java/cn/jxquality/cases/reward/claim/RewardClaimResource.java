package cn.jxquality.cases.reward.claim;

import cn.jxquality.platform.throttle.ClientAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public reward claim (DESIGN §10): no login; tracking number + query code, the claimant and the bank account.
 * Wrong credentials answer 404 and are throttled (429 with {@code Retry-After}) per tracking number and per client
 * address; complaint-service's claim page relays a citizen's claim and names the citizen's address ({@link
 * ClientAddress}).
 */
@Path("/api/v1/reward-claims")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Reward claims")
public class RewardClaimResource {

    private final RewardClaims claims;
    private final SecurityIdentity identity;
    private final ClientAddress clients;

    RewardClaimResource(RewardClaims claims, SecurityIdentity identity, ClientAddress clients) {
        this.claims = claims;
        this.identity = identity;
        this.clients = clients;
    }

    @POST
    @Operation(summary = "Claim a notified reward with the report's tracking number and query code")
    public Uni<RewardClaims.Receipt> claim(@Valid @NotNull ClaimRequest request, @Context HttpServerRequest http) {
        return claims.claim(request, clients.of(http, identity));
    }
}
