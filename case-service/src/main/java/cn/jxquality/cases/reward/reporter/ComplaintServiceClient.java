package cn.jxquality.cases.reward.reporter;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * complaint-service's internal endpoints for rewards (realm roles {@code claim-verifier} and {@code identity-reader}
 * of this service's account, audited there), called with this service's client-credentials token. The reporter's
 * identity stays in complaint-service: case-service asks, passing on the asking officer's own token.
 */
@RegisterRestClient(configKey = "complaint-service")
@OidcClientFilter
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ComplaintServiceClient {

    /** 200 for a known tracking number with its query code; 404 otherwise; 429 when throttled there. */
    @POST
    @Path("/credential-checks")
    Uni<CredentialCheck> checkCredentials(CredentialCheckRequest request);

    /** Whether name and ID number match the sealed person of a real-name report. */
    @POST
    @Path("/identity-checks")
    Uni<IdentityMatch> checkIdentity(IdentityCheckRequest request);

    /**
     * The reporter's identity for the reward officer whose access token is {@code officerToken}: complaint-service
     * verifies it and audits the view under that officer's name and this service's account.
     */
    @GET
    @Path("/complaints/{complaintId}/identity")
    Uni<ReporterIdentity> identity(
            @PathParam("complaintId") UUID complaintId, @HeaderParam("X-Acting-User") String officerToken);

    /** Tracking number and query code, as the citizen gave them. */
    record CredentialCheckRequest(String trackingNumber, String queryCode) {}

    /** The complaint the credentials open, whether it is a report, and whether it was made anonymously. */
    record CredentialCheck(UUID complaintId, String trackingNumber, String kind, boolean anonymous) {}

    /** A claimant's name and ID document, to compare with the sealed reporter. */
    record IdentityCheckRequest(UUID complaintId, String name, String idType, String idNumber) {}

    record IdentityMatch(boolean match) {}

    /** The reporter's identity as complaint-service keeps it; nulls where absent. */
    record ReporterIdentity(
            boolean anonymous,
            String name,
            String mobile,
            String idType,
            String idNumber,
            String email,
            String address) {}
}
