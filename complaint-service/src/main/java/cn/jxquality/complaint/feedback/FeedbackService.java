package cn.jxquality.complaint.feedback;

import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.complaint.intake.QueryCodes;
import cn.jxquality.complaint.status.LookupThrottle;
import cn.jxquality.platform.outbox.Outbox;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * Records a citizen's follow-up rating and forwards it to case-service through the outbox, in one transaction.
 * The query code is checked like a status lookup: failures count against the number and the client.
 */
@ApplicationScoped
public class FeedbackService {

    /** A rating follows the handling: only a resolved (or since closed) record takes one. */
    static final Set<PublicStatus> OPEN_FOR_FEEDBACK = EnumSet.of(PublicStatus.RESOLVED, PublicStatus.CLOSED);

    static final String INSERT = "insert into complaint_feedback (complaint_id, rating, comment, given_at)"
            + " values (:id, :rating, :comment, :givenAt) on conflict (complaint_id) do nothing";

    private final QueryCodes queryCodes;
    private final LookupThrottle throttle;
    private final Outbox outbox;

    FeedbackService(QueryCodes queryCodes, LookupThrottle throttle, Outbox outbox) {
        this.queryCodes = queryCodes;
        this.throttle = throttle;
        this.outbox = outbox;
    }

    /** 201 once; a wrong code or unknown number 404 (counted), not yet resolved or rated before 409. */
    public Uni<FeedbackReceipt> give(String trackingNumber, FeedbackRequest request, String client) {
        return throttle.oneAtATime(
                trackingNumber,
                () -> throttle.checkOpen(trackingNumber, client)
                        .flatMap(open -> Panache.withTransaction(() -> Complaint.<Complaint>find(
                                        "trackingNumber", trackingNumber)
                                .<Complaint>firstResult()
                                .flatMap(complaint -> {
                                    if (complaint == null || !queryCodes.matches(request.queryCode(), complaint)) {
                                        return throttle.recordFailure(trackingNumber, client)
                                                .flatMap(counted ->
                                                        Uni.createFrom().failure(notFound()));
                                    }
                                    if (!OPEN_FOR_FEEDBACK.contains(complaint.status())) {
                                        return Uni.createFrom().failure(notOpen());
                                    }
                                    return record(complaint, request);
                                }))));
    }

    private Uni<FeedbackReceipt> record(Complaint complaint, FeedbackRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String comment = request.comment() == null || request.comment().isBlank()
                ? null
                : request.comment().strip();
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", complaint.id())
                        .setParameter("rating", request.rating().shortValue())
                        .setParameter("comment", comment)
                        .setParameter("givenAt", now)
                        .executeUpdate())
                .flatMap(inserted -> inserted == 0
                        ? Uni.createFrom().failure(alreadyGiven())
                        : outbox.append(
                                complaint.id(),
                                FeedbackGiven.TYPE,
                                complaint.trackingNumber(),
                                new FeedbackGiven(
                                        complaint.id(),
                                        complaint.trackingNumber(),
                                        complaint.kind(),
                                        request.rating(),
                                        comment != null,
                                        now)))
                .invoke(event -> Log.infof("Feedback %d for %s", request.rating(), complaint.trackingNumber()))
                .replaceWith(new FeedbackReceipt(complaint.trackingNumber(), request.rating(), now));
    }

    static ProblemException notFound() {
        return ProblemException.notFound("No complaint matches this tracking number and query code.");
    }

    private static ProblemException notOpen() {
        return new ProblemException(Problem.of(
                "feedback-not-open",
                "Not resolved yet",
                409,
                "A rating can be given once the complaint has been resolved."));
    }

    private static ProblemException alreadyGiven() {
        return new ProblemException(Problem.of(
                "feedback-already-given", "Feedback already given", 409, "This complaint has already been rated."));
    }
}
