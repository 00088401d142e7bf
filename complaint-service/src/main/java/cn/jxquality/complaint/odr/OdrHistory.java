package cn.jxquality.complaint.odr;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * What staff see of a complaint's ODR (the complaint and case pages of the console): to whom it went, what the
 * enterprise answered and when, and what the citizen said. The department's case carries only a summary; the words are
 * read here, where the complaint is.
 */
@ApplicationScoped
public class OdrHistory {

    private final OdrSteps steps;

    OdrHistory(OdrSteps steps) {
        this.steps = steps;
    }

    /** One complaint's ODR as it stands. */
    public record Entry(
            String enterpriseName,
            String enterpriseCreditCode,
            OdrState state,
            Instant sentAt,
            Instant dueAt,
            Instant respondedAt,
            String agreement,
            String reason,
            Instant answeredAt,
            boolean answeredByCitizen,
            String citizenComment,
            Instant endedAt) {

        /** The last day the enterprise could answer, in Beijing. */
        public java.time.LocalDate dueDay() {
            return OdrClock.lastDay(dueAt);
        }
    }

    /** The ODR of the complaint with this tracking number; null when it did not go to an enterprise first. */
    public Uni<Entry> of(String trackingNumber) {
        return steps.byNumber(trackingNumber)
                .map(r -> r == null
                        ? null
                        : new Entry(
                                r.enterpriseName(),
                                r.enterpriseCreditCode(),
                                r.state(),
                                r.sentAt(),
                                r.dueAt(),
                                r.respondedAt(),
                                r.agreement(),
                                r.reason(),
                                r.answeredAt(),
                                Boolean.TRUE.equals(r.answeredByCitizen()),
                                r.citizenComment(),
                                r.endedAt()));
    }
}
