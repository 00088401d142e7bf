package cn.jxquality.cases.reward.claim;

import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.reward.Reward;
import cn.jxquality.cases.reward.RewardCommand;
import cn.jxquality.cases.reward.RewardJournal;
import cn.jxquality.cases.reward.RewardRefusedException;
import cn.jxquality.cases.reward.RewardState;
import cn.jxquality.cases.reward.RewardStateMachine;
import cn.jxquality.cases.reward.reporter.ComplaintServiceClient;
import cn.jxquality.cases.reward.reporter.ComplaintServiceClient.CredentialCheck;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The reporter's claim (public, no login): the holder of the bank account must be the claimant; the tracking
 * number and query code are checked by complaint-service, a real-name reporter's name and ID number too; wrong
 * credentials count towards the throttle. The claim's personal data is sealed before it is stored.
 */
@ApplicationScoped
public class RewardClaims {

    static final String REPORTER = "reporter";

    private final ComplaintServiceClient complaints;
    private final ClaimThrottle throttle;
    private final ClaimCipher cipher;
    private final RewardStateMachine machine;
    private final RewardJournal journal;
    private final ObjectMapper json;

    RewardClaims(
            @RestClient ComplaintServiceClient complaints,
            ClaimThrottle throttle,
            ClaimCipher cipher,
            RewardStateMachine machine,
            RewardJournal journal,
            ObjectMapper json) {
        this.complaints = complaints;
        this.throttle = throttle;
        this.cipher = cipher;
        this.machine = machine;
        this.journal = journal;
        this.json = json;
    }

    /** What the claimant is told: the reward, now CLAIMED, and its amount. */
    public record Receipt(UUID rewardId, String trackingNumber, RewardState state, long amountFen) {}

    public Uni<Receipt> claim(ClaimRequest request, String client) {
        if (!sameName(request.claimantName(), request.bankAccountHolder())) {
            throw ProblemException.invalid("bankAccountHolder", "must be the claimant's own account");
        }
        return throttle.oneAtATime(
                        request.trackingNumber(),
                        () -> throttle.checkOpen(request.trackingNumber(), client)
                                .flatMap(v -> credentials(request, client))
                                .flatMap(credentials -> identity(request, credentials, client)))
                .flatMap(credentials -> Panache.withTransaction(() -> record(request, credentials)));
    }

    private Uni<CredentialCheck> credentials(ClaimRequest request, String client) {
        return complaints
                .checkCredentials(new ComplaintServiceClient.CredentialCheckRequest(
                        request.trackingNumber(), request.queryCode()))
                .onFailure(WebApplicationException.class)
                .recoverWithUni(e -> refused((WebApplicationException) e, request, client))
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(RewardClaims::unavailable);
    }

    private Uni<CredentialCheck> refused(WebApplicationException e, ClaimRequest request, String client) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return throttle.recordFailure(request.trackingNumber(), client).map(v -> {
                throw wrongCredentials();
            });
        }
        if (status == 429) {
            String retryAfter = e.getResponse().getHeaderString("Retry-After");
            return Uni.createFrom()
                    .failure(ProblemException.tooManyRequests(
                            "Too many wrong tracking numbers or query codes; try again later.", seconds(retryAfter)));
        }
        return Uni.createFrom().failure(e);
    }

    /** A real-name reporter's claimant must be the reporter; an anonymous report is claimed by its credentials. */
    private Uni<CredentialCheck> identity(ClaimRequest request, CredentialCheck credentials, String client) {
        if (credentials.anonymous()) {
            return Uni.createFrom().item(credentials);
        }
        return complaints
                .checkIdentity(new ComplaintServiceClient.IdentityCheckRequest(
                        credentials.complaintId(), request.claimantName(), request.idType(), request.idNumber()))
                .onFailure()
                .transform(RewardClaims::unavailable)
                .flatMap(match -> match.match()
                        ? Uni.createFrom().item(credentials)
                        : throttle.recordFailure(request.trackingNumber(), client)
                                .map(v -> {
                                    throw new ProblemException(Problem.of(
                                            "identity-mismatch",
                                            "Identity mismatch",
                                            403,
                                            "The claimant's name and ID number are not the reporter's."));
                                }));
    }

    private Uni<Receipt> record(ClaimRequest request, CredentialCheck credentials) {
        return Reward.<Reward>find("complaintId", credentials.complaintId())
                .firstResult()
                .flatMap(reward -> {
                    if (reward == null) {
                        throw ProblemException.notFound("There is no reward to claim for this report.");
                    }
                    Instant now = Instant.now();
                    var claimed = decide(reward, now);
                    RewardState from = reward.state;
                    reward.state = claimed;
                    reward.claimedAt = now;
                    reward.publicNote = "奖励申领已收到 Your claim was received; the reward will be paid to your account";
                    return sealed(reward, request, now)
                            .persist()
                            .flatMap(saved -> journal.step(reward, from, REPORTER, REPORTER, null))
                            .replaceWith(new Receipt(reward.id, reward.trackingNumber, reward.state, reward.amountFen));
                })
                .onFailure(RewardClaims::lostRace)
                .transform(e -> new ProblemException(
                        Problem.of("reward-conflict", "Conflict", 409, "The reward was claimed meanwhile.")));
    }

    private RewardState decide(Reward reward, Instant now) {
        try {
            return machine.decide(
                            reward.situation(),
                            new RewardCommand.Claim(
                                    now.atZone(CaseDeadlines.BEIJING).toLocalDate()))
                    .state();
        } catch (RewardRefusedException e) {
            throw new ProblemException(Problem.of("reward-conflict", "Conflict", 409, e.getMessage()));
        }
    }

    private RewardClaim sealed(Reward reward, ClaimRequest request, Instant now) {
        ClaimCipher.Sealed sealed;
        try {
            sealed = cipher.seal(reward.id, json.writeValueAsBytes(request.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim data not serialisable", e);
        }
        RewardClaim claim = new RewardClaim();
        claim.rewardId = reward.id;
        claim.claimedAt = now;
        claim.keyId = sealed.keyId();
        claim.sealedData = sealed.data();
        return claim;
    }

    /** Names compared as people write them: surrounding and inner white space and letter case do not count. */
    static boolean sameName(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String name) {
        return name == null ? "" : name.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static ProblemException wrongCredentials() {
        return ProblemException.notFound("No report with this tracking number and query code.");
    }

    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        Log.warnf(
                "complaint-service could not check a claim: %s",
                failure.getClass().getSimpleName());
        return new ProblemException(Problem.of(
                "checks-unavailable",
                "Service unavailable",
                503,
                "The claim could not be checked just now; nothing was recorded. Try again later."));
    }

    private static long seconds(String retryAfter) {
        try {
            return retryAfter == null ? 60 : Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private static boolean lostRace(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof org.hibernate.StaleStateException
                    || e instanceof OptimisticLockException
                    || e.getMessage() != null && e.getMessage().contains("reward_claim_pkey")) {
                return true;
            }
        }
        return false;
    }
}
