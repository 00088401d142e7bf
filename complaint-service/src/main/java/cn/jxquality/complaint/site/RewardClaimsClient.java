package cn.jxquality.complaint.site;

import cn.jxquality.complaint.intake.IdType;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * case-service's public reward claim, called for the citizen on the claim page with this service's own token (realm
 * role {@code citizen-relay}), which lets case-service count the citizen's address, not this service's, in its throttle.
 */
@RegisterRestClient(configKey = "case-service")
@OidcClientFilter
@Path("/api/v1/reward-claims")
public interface RewardClaimsClient {

    /**
     * The claim as case-service takes it ({@code CaseServiceContractTest} checks the names against its OpenAPI
     * document); never logged with its personal data.
     */
    record Claim(
            String trackingNumber,
            String queryCode,
            String claimantName,
            IdType idType,
            String idNumber,
            String bankName,
            String bankAccountNumber,
            String bankAccountHolder) {

        @Override
        public String toString() {
            return "Claim[" + trackingNumber + "]";
        }
    }

    /** case-service's answer: the reward, now claimed, and its amount in fen. */
    record Receipt(String trackingNumber, String state, Long amountFen) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Receipt> claim(@HeaderParam("X-Forwarded-For") String citizen, Claim claim);
}
