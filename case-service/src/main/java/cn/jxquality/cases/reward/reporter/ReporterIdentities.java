package cn.jxquality.cases.reward.reporter;

import cn.jxquality.cases.reward.Reward;
import cn.jxquality.cases.reward.RewardStaff;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The reward staff's view of a reporter's identity: fetched from complaint-service (which keeps it) for the named
 * viewer, and recorded here, one audit row per view, in the same step. Nothing of it is stored or logged here.
 */
@ApplicationScoped
public class ReporterIdentities {

    private final ComplaintServiceClient complaints;

    ReporterIdentities(@RestClient ComplaintServiceClient complaints) {
        this.complaints = complaints;
    }

    /** {@code officerToken}: the viewer's own access token, which complaint-service verifies and names in its audit. */
    public Uni<ComplaintServiceClient.ReporterIdentity> view(RewardStaff viewer, String officerToken, UUID rewardId) {
        return Panache.withSession(() -> Reward.<Reward>findById(rewardId)).flatMap(reward -> {
            if (reward == null) {
                throw ProblemException.notFound("No reward " + rewardId + ".");
            }
            return complaints
                    .identity(reward.complaintId, officerToken)
                    .onFailure()
                    .transform(ReporterIdentities::unavailable)
                    .flatMap(identity ->
                            Panache.withTransaction(() -> audit(reward, viewer)).replaceWith(identity));
        });
    }

    /** Who viewed the reporter's identity of a reward, oldest first (for auditors). */
    public Uni<List<View>> views(UUID rewardId) {
        return Panache.withSession(() -> IdentityView.<IdentityView>list("rewardId = ?1 order by at, id", rewardId))
                .map(views -> views.stream()
                        .map(v -> new View(v.viewer, v.viewerRole, v.at))
                        .toList());
    }

    private static Uni<IdentityView> audit(Reward reward, RewardStaff viewer) {
        IdentityView view = new IdentityView();
        view.rewardId = reward.id;
        view.viewer = viewer.name();
        view.viewerRole = viewer.role();
        view.at = Instant.now();
        return view.persist();
    }

    private static Throwable unavailable(Throwable failure) {
        Log.warnf(
                "complaint-service did not give the reporter's identity: %s",
                failure.getClass().getSimpleName());
        return new ProblemException(Problem.of(
                "identity-unavailable",
                "Identity unavailable",
                503,
                "complaint-service did not answer with the reporter's identity; try again later."));
    }

    /** One audited view. */
    public record View(String viewer, String role, Instant at) {}
}
