package cn.jxquality.complaint.odr;

import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.QueryCodes;
import cn.jxquality.complaint.status.LookupThrottle;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The citizen's side of ODR: what the enterprise answered (for the status page, once the query code opened it),
 * and their confirmation or dispute, proven by the query code and throttled like a status look-up.
 */
@ApplicationScoped
public class Settlements {

    private final QueryCodes queryCodes;
    private final LookupThrottle throttle;
    private final OdrSteps steps;

    Settlements(QueryCodes queryCodes, LookupThrottle throttle, OdrSteps steps) {
        this.queryCodes = queryCodes;
        this.throttle = throttle;
        this.steps = steps;
    }

    /** What the citizen sees of a complaint sent to an enterprise first. */
    public record CitizenView(
            String enterpriseName,
            OdrState state,
            Instant dueAt,
            Instant respondedAt,
            String agreement,
            String reason,
            Instant answerBy) {

        /** The last day the citizen may answer, in Beijing. */
        public java.time.LocalDate answerByDay() {
            return answerBy == null ? null : OdrClock.lastDay(answerBy);
        }

        /** A settlement waits for the citizen's answer. */
        public boolean awaitingAnswer() {
            return state == OdrState.SETTLED;
        }
    }

    /**
     * The ODR view of a complaint whose query code the caller already proved (the status page's look-up), or empty
     * when it did not go to an enterprise.
     */
    public Uni<Optional<CitizenView>> view(String trackingNumber) {
        return steps.byNumber(trackingNumber)
                .map(r -> Optional.ofNullable(r)
                        .map(found -> new CitizenView(
                                found.enterpriseName(),
                                found.state(),
                                found.dueAt(),
                                found.respondedAt(),
                                found.agreement(),
                                found.reason(),
                                found.answerBy())));
    }

    /**
     * Confirms or disputes the settlement. An unknown number and a wrong code answer the same 404 and count as a
     * failed try; no settlement waiting answers 409.
     */
    public Uni<Void> answer(String trackingNumber, SettlementAnswer answer, String client) {
        return throttle.oneAtATime(
                trackingNumber,
                () -> throttle.checkOpen(trackingNumber, client)
                        .flatMap(open ->
                                Panache.withSession(() -> Complaint.<Complaint>find("trackingNumber", trackingNumber)
                                        .<Complaint>firstResult()))
                        .flatMap(complaint -> {
                            if (complaint == null || !queryCodes.matches(answer.queryCode(), complaint)) {
                                return throttle.recordFailure(trackingNumber, client)
                                        .flatMap(counted -> Uni.createFrom()
                                                .failure(ProblemException.notFound(
                                                        "No complaint matches this tracking number and query code.")));
                            }
                            return steps.byNumber(trackingNumber)
                                    .flatMap(referral -> referral == null
                                            ? Uni.createFrom()
                                                    .failure(ProblemException.conflict(
                                                            "This complaint was not sent to an enterprise first."))
                                            : steps.answer(referral, answer.accept(), clean(answer.comment())));
                        }));
    }

    private static String clean(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
