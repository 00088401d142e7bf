package cn.jxquality.cases.intake;

import cn.jxquality.cases.casefile.Caller;
import cn.jxquality.cases.casefile.CaseEvent;
import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.Visibility;
import cn.jxquality.cases.messaging.ProcessedEvents;
import cn.jxquality.cases.statistics.CaseStatistics;
import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Records the citizen's follow-up rating ({@code complaint.feedback-given.v1}) on the case, its audit trail and
 * the satisfaction statistics, once per complaint however often the event is delivered.
 */
@ApplicationScoped
public class CaseFeedback {

    public static final String TYPE = "complaint.feedback-given.v1";

    private final ProcessedEvents processed;
    private final CaseStatistics statistics;

    CaseFeedback(ProcessedEvents processed, CaseStatistics statistics) {
        this.processed = processed;
        this.statistics = statistics;
    }

    /** Must run inside a transaction; a rating outside 1–5 or a malformed event is rejected (dead letter). */
    Uni<Void> recordOnce(InboundEvent event) {
        UUID complaintId = UUID.fromString(event.text("complaintId"));
        int rating = rating(event.data().path("rating"));
        Instant givenAt = Instant.parse(event.text("givenAt"));
        return processed
                .firstDelivery(event.id(), event.type())
                .flatMap(first -> first
                        ? record(complaintId, rating, givenAt)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> record(UUID complaintId, int rating, Instant givenAt) {
        return CaseFile.<CaseFile>find("complaintId", complaintId).firstResult().flatMap(file -> {
            if (file == null) {
                Log.warnf("Follow-up rating for complaint %s, which has no case: ignored", complaintId);
                return Uni.createFrom().voidItem();
            }
            if (!file.rated(rating, givenAt, Instant.now())) {
                return Uni.createFrom().voidItem(); // one rating per complaint; the first one counts
            }
            return audit(file, rating, givenAt).persist().flatMap(saved -> statistics.rated(file, rating, givenAt));
        });
    }

    private static int rating(JsonNode node) {
        if (!node.isInt() || node.asInt() < 1 || node.asInt() > 5) {
            throw new IllegalArgumentException("rating must be an integer from 1 to 5");
        }
        return node.asInt();
    }

    private static CaseEvent audit(CaseFile file, int rating, Instant at) {
        return CaseEvent.of(
                file,
                "case.feedback",
                file.state(),
                file.state(),
                Caller.SYSTEM,
                at,
                "回访评价 Follow-up rating " + rating + "/5",
                Visibility.INTERNAL);
    }
}
