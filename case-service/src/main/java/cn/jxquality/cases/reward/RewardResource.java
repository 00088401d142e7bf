package cn.jxquality.cases.reward;

import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.handling.IfMatch;
import cn.jxquality.cases.reward.payout.Payouts;
import cn.jxquality.cases.reward.reporter.ComplaintServiceClient;
import cn.jxquality.cases.reward.reporter.ReporterIdentities;
import cn.jxquality.platform.problem.ClientTime;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The reward API (DESIGN §5, §10): reviewers propose, approvers and finance decide (four eyes), finance pays.
 * Changes take {@code If-Match} with the reward's {@code ETag} (its version). Departments have no access at all.
 */
@Path("/api/v1/rewards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"reward-reviewer", "reward-approver", "finance", "supervisor", "auditor"})
@Tag(name = "Rewards")
public class RewardResource {

    static final int MAX_LIMIT = 200;

    private final RewardQueries queries;
    private final RewardProposals proposals;
    private final RewardDecisions decisions;
    private final Payouts payouts;
    private final ReporterIdentities identities;
    private final RewardReport report;
    private final SecurityIdentity identity;

    RewardResource(
            RewardQueries queries,
            RewardProposals proposals,
            RewardDecisions decisions,
            Payouts payouts,
            ReporterIdentities identities,
            RewardReport report,
            SecurityIdentity identity) {
        this.queries = queries;
        this.proposals = proposals;
        this.decisions = decisions;
        this.payouts = payouts;
        this.identities = identities;
        this.report = report;
        this.identity = identity;
    }

    @GET
    @Operation(
            summary = "Rewards, newest first; for the next page pass before=<proposedAt>|<id> of the last one listed")
    public Uni<List<RewardView>> list(
            @QueryParam("state") RewardState state,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be 1 to " + MAX_LIMIT);
        }
        return queries.list(state, trackingNumber, RewardQueries.Before.parse(before), limit);
    }

    @GET
    @Path("/candidates")
    @Operation(summary = "Reports whose reporter asked for a reward, ended rewardably and wait for a proposal")
    public Uni<List<RewardCandidate>> candidates(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be 1 to " + MAX_LIMIT);
        }
        return queries.candidates(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One reward, with its version as ETag")
    public Uni<RestResponse<RewardView>> get(@PathParam("id") UUID id) {
        return queries.get(id).map(RewardResource::ok);
    }

    @GET
    @Path("/{id}/events")
    @Operation(summary = "The reward's audit trail, oldest first")
    public Uni<List<RewardQueries.Entry>> events(@PathParam("id") UUID id) {
        return queries.events(id);
    }

    @POST
    @RolesAllowed("reward-reviewer")
    @Operation(summary = "Propose a reward for a report's case: the level and the declarations about the reporter")
    public Uni<RestResponse<RewardView>> propose(@Valid @NotNull RewardRequests.Propose request) {
        return proposals
                .propose(RewardStaff.of(identity), request)
                .map(view -> RestResponse.ResponseBuilder.<RewardView>created(
                                URI.create("/api/v1/rewards/" + view.id()))
                        .entity(view)
                        .tag(new EntityTag(Integer.toString(view.version())))
                        .build());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({"reward-approver", "finance"})
    @Operation(summary = "Approve (an approver; finance too at or above ¥500,000); never one's own proposal")
    public Uni<RestResponse<RewardView>> approve(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        int version = IfMatch.version(ifMatch);
        return decisions.approve(RewardStaff.of(identity), id, version).map(RewardResource::ok);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({"reward-approver", "finance"})
    @Operation(summary = "Reject a proposal; the reason is shown to the reporter")
    public Uni<RestResponse<RewardView>> reject(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RewardRequests.Reject request) {
        int version = IfMatch.version(ifMatch);
        return decisions
                .reject(RewardStaff.of(identity), id, version, request.reason())
                .map(RewardResource::ok);
    }

    @POST
    @Path("/{id}/payout")
    @RolesAllowed("finance")
    @Operation(summary = "Pay a claimed reward, exactly once")
    public Uni<RestResponse<RewardView>> payout(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        int version = IfMatch.version(ifMatch);
        return payouts.pay(RewardStaff.of(identity), id, version)
                .map(queries::view)
                .map(RewardResource::ok);
    }

    @GET
    @Path("/{id}/reporter-identity")
    @RolesAllowed({"reward-reviewer", "reward-approver", "finance"})
    @Operation(summary = "The reporter's identity, from complaint-service; every view is audited")
    public Uni<RestResponse<ComplaintServiceClient.ReporterIdentity>> reporterIdentity(@PathParam("id") UUID id) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return identities
                .view(RewardStaff.of(identity), ownToken(), id)
                .map(found -> RestResponse.ResponseBuilder.ok(found)
                        .cacheControl(noStore)
                        .build());
    }

    /** The caller's access token, which complaint-service verifies to name the officer in its audit. */
    private String ownToken() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : token.getToken();
    }

    @GET
    @Path("/{id}/identity-views")
    @RolesAllowed({"supervisor", "auditor"})
    @Operation(summary = "Who viewed the reporter's identity, oldest first")
    public Uni<List<ReporterIdentities.View>> identityViews(@PathParam("id") UUID id) {
        return queries.get(id).flatMap(exists -> identities.views(id));
    }

    @GET
    @Path("/report")
    @RolesAllowed("supervisor")
    @Operation(summary = "Rewards by level, state and month, and the total paid (Beijing days, inclusive)")
    public Uni<RewardReport.Summary> report(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate last = ClientTime.date("to", to, LocalDate.now(CaseDeadlines.BEIJING));
        LocalDate first = ClientTime.date("from", from, last.minusDays(365));
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        return report.summary(first, last);
    }

    private static RestResponse<RewardView> ok(RewardView view) {
        return RestResponse.ResponseBuilder.ok(view)
                .tag(new EntityTag(Integer.toString(view.version())))
                .build();
    }
}
