package cn.jxquality.complaint.reward;

import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.PersonSeal;
import cn.jxquality.complaint.intake.QueryCodes;
import cn.jxquality.complaint.intake.SubmissionRequest;
import cn.jxquality.complaint.personal.IdentityAccess;
import cn.jxquality.complaint.status.LookupThrottle;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.UUID;

/**
 * What case-service needs from here for rewards (DESIGN §5): whether a claimant holds a record's credentials,
 * whether a claimant is its person, and the person for a reward officer. Every answer leaves an audit row naming
 * the service account (and the officer it reads for); personal data never leaves except in the audited view.
 */
@ApplicationScoped
public class RewardSupportService {

    private final QueryCodes queryCodes;
    private final LookupThrottle throttle;
    private final PersonSeal personSeal;

    RewardSupportService(QueryCodes queryCodes, LookupThrottle throttle, PersonSeal personSeal) {
        this.queryCodes = queryCodes;
        this.throttle = throttle;
        this.personSeal = personSeal;
    }

    /**
     * The record behind a tracking number and query code. An unknown number and a wrong code fail alike and count
     * against the number in the status lookups' throttle, as one client (case-service throttles each claimant), so
     * a claim cannot probe codes the public page would stop, nor close a citizen's own complaint.
     */
    @WithTransaction
    public Uni<CredentialMatch> checkCredentials(CredentialCheck check, String actor) {
        String trackingNumber = check.trackingNumber().strip();
        return throttle.oneAtATime(
                trackingNumber,
                () -> throttle.checkOpen(trackingNumber)
                        .flatMap(open -> Complaint.<Complaint>find("trackingNumber", trackingNumber)
                                .<Complaint>firstResult())
                        .flatMap(complaint -> {
                            if (complaint == null || !queryCodes.matches(check.queryCode(), complaint)) {
                                return throttle.recordFailure(trackingNumber)
                                        .flatMap(counted -> Uni.createFrom()
                                                .failure(ProblemException.notFound(
                                                        "No complaint matches this tracking number and query code.")));
                            }
                            return IdentityAccess.record(
                                            complaint.id(), actor, IdentityAccess.Purpose.CREDENTIAL_CHECK, null)
                                    .replaceWith(new CredentialMatch(
                                            complaint.id(),
                                            complaint.trackingNumber(),
                                            complaint.kind(),
                                            complaint.anonymous()));
                        }));
    }

    /** Name and ID number must both be the sealed person's; a record without a person matches nobody. */
    @WithTransaction
    public Uni<IdentityMatch> checkIdentity(IdentityCheck check, String actor) {
        return find(check.complaintId()).flatMap(complaint -> {
            boolean match = personSeal
                    .open(complaint)
                    .map(person -> sameName(person, check.name()) && sameIdNumber(person, check.idNumber()))
                    .orElse(false);
            return IdentityAccess.record(
                            complaint.id(), actor, IdentityAccess.Purpose.IDENTITY_CHECK, match ? "match" : "no match")
                    .replaceWith(new IdentityMatch(match));
        });
    }

    /** The person for the reward officer {@code viewer}, read through the service account {@code actor}. */
    @WithTransaction
    public Uni<Identity> identity(UUID complaintId, String actor, String viewer) {
        return find(complaintId).flatMap(complaint -> {
            SubmissionRequest.Person person = personSeal.open(complaint).orElse(null);
            Identity identity = person == null
                    ? new Identity(complaint.anonymous(), null, null, null, null, null, null)
                    : new Identity(
                            complaint.anonymous(),
                            person.name(),
                            person.mobile(),
                            person.idType(),
                            person.idNumber(),
                            person.email(),
                            person.address());
            return IdentityAccess.record(complaint.id(), actor, IdentityAccess.Purpose.REWARD_VIEW, null, viewer)
                    .replaceWith(identity);
        });
    }

    private static Uni<Complaint> find(UUID complaintId) {
        return Complaint.<Complaint>findById(complaintId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No complaint has this id."));
    }

    private static boolean sameName(SubmissionRequest.Person person, String name) {
        return person.name() != null && equal(person.name().strip(), name.strip());
    }

    private static boolean sameIdNumber(SubmissionRequest.Person person, String idNumber) {
        return person.idNumber() != null
                && equal(
                        person.idNumber().strip().toUpperCase(Locale.ROOT),
                        idNumber.strip().toUpperCase(Locale.ROOT));
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
