package cn.jxquality.complaint.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * case-service's reward API as the reward staff's pages use it, always with the signed-in user's own token: case-service
 * applies the roles, four eyes, the state machine and the versions; the console only shows what it answers.
 */
@RegisterRestClient(configKey = "case-service")
@Path("/api/v1/rewards")
@Produces(MediaType.APPLICATION_JSON)
public interface RewardsClient {

    /**
     * A reward as the reward pages show it, in the order the reward's page reads (its state and amount first, then how
     * the amount came about, the claim and payment, who proposed and approved): what the console reads of
     * case-service's {@code RewardView}, never the reporter's identity. {@code CaseServiceContractTest} checks each
     * field against case-service's OpenAPI document.
     */
    record Reward(
            UUID id,
            int version,
            String trackingNumber,
            String state,
            long amountFen,
            int level,
            long violationAmountFen,
            long baseFen,
            int sharedBy,
            boolean insider,
            boolean belowMajorViolationThreshold,
            List<String> exclusionsDeclared,
            String proposalNote,
            Instant claimBy,
            Instant paidAt,
            String paymentReference,
            String publicNote,
            String proposer,
            Instant proposedAt,
            String approver,
            boolean financeApprovalRequired,
            String financeApprover,
            List<String> allowedActions) {}

    /**
     * A report that ended rewardably and waits for a proposal: what the pages show of case-service's {@code
     * RewardCandidate} (its other fields are ignored).
     */
    record Candidate(
            UUID caseId,
            String trackingNumber,
            String subjectName,
            String subjectCreditCode,
            String decisionNumber,
            Long finesFen,
            Long confiscationsFen,
            Instant resolvedAt,
            List<String> waitingFor) {

        /** Fines plus confiscations, what the reward is a share of. */
        public long penaltyFen() {
            return (finesFen == null ? 0 : finesFen) + (confiscationsFen == null ? 0 : confiscationsFen);
        }

        /** The open earlier reports a proposal waits for, listed. */
        public String waiting() {
            return waitingFor == null ? "" : String.join(", ", waitingFor);
        }

        public boolean mayBeProposed() {
            return waitingFor == null || waitingFor.isEmpty();
        }
    }

    /** One entry of a reward's audit trail. */
    record Entry(String type, String toState, String actor, String role, Instant at, String note) {}

    /** The reporter's identity, for an audited view only; never stored or logged by the console. */
    record ReporterIdentity(
            boolean anonymous,
            String name,
            String mobile,
            cn.jxquality.complaint.intake.IdType idType,
            String idNumber,
            String email,
            String address) {}

    /** Who viewed a reporter's identity, when, in which role. */
    record IdentityView(String viewer, String role, Instant at) {}

    @GET
    Uni<List<Reward>> list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("state") String state,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("before") String before,
            @QueryParam("limit") int limit);

    @GET
    @Path("/candidates")
    Uni<List<Candidate>> candidates(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    Uni<Reward> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/{id}/events")
    Uni<List<Entry>> events(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/{id}/identity-views")
    Uni<List<IdentityView>> identityViews(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    /** The proposal ({@code caseId}, {@code level}, {@code naturalPerson}, {@code insider}, {@code exclusions}, {@code note}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Reward> propose(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, Map<String, Object> proposal);

    /** {@code approve}, {@code reject} (with {@code reason}) or {@code payout}, at the version the user saw. */
    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Reward> act(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @PathParam("id") UUID id,
            @PathParam("action") String action,
            Map<String, Object> body);

    /** Audited by case-service (one row per view) and complaint-service ({@code REWARD_VIEW}). */
    @GET
    @Path("/{id}/reporter-identity")
    Uni<ReporterIdentity> reporterIdentity(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);
}
