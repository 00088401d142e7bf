package cn.jxquality.complaint.reward;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Internal: case-service checks a reward claimant's credentials and identity here (service accounts only). */
@Path("/internal/v1")
@Tag(name = "Internal")
public class RewardSupportResource {

    /** case-service's account: a claim's credentials and identity checked against the record, answered yes or no. */
    static final String CLAIM_VERIFIER = "claim-verifier";

    private final RewardSupportService rewards;
    private final SecurityIdentity identity;

    RewardSupportResource(RewardSupportService rewards, SecurityIdentity identity) {
        this.rewards = rewards;
        this.identity = identity;
    }

    @POST
    @Path("credential-checks")
    @RolesAllowed(CLAIM_VERIFIER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The record behind a tracking number and query code (audited)",
            description = "Unknown number and wrong code both 404, counted per tracking number by the status"
                    + " lookups' throttle (then 429 with Retry-After).")
    public Uni<CredentialMatch> checkCredentials(@NotNull @Valid CredentialCheck check) {
        return rewards.checkCredentials(check, identity.getPrincipal().getName());
    }

    @POST
    @Path("identity-checks")
    @RolesAllowed(CLAIM_VERIFIER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether a claimant's name and ID number are the record's person (audited)")
    public Uni<IdentityMatch> checkIdentity(@NotNull @Valid IdentityCheck check) {
        return rewards.checkIdentity(check, identity.getPrincipal().getName());
    }
}
