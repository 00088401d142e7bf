package cn.jxquality.cases.intake;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.messaging.PoisonMessage;
import cn.jxquality.cases.odr.OdrEnding;
import cn.jxquality.cases.odr.OdrReferrals;
import cn.jxquality.platform.messaging.EventBatch;
import cn.jxquality.platform.messaging.EventRetry;
import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code complaint-events}: opens a case for each received complaint and routes it to the responsible
 * department; records the steps of complaints sent to an ODR enterprise first ({@link OdrReferrals}) and follow-up
 * ratings. Redeliveries change nothing; a malformed event goes to the dead-letter topic; other types are ignored.
 * The channel is read in batches: the cases a poll brings are opened in one round trip and one commit ({@link
 * CaseOpening#openAll}), then its ODR steps are recorded in one more, then its ratings; if that fails, each event is
 * taken on its own, with retries, so a poison event is dead-lettered alone.
 */
@ApplicationScoped
public class CaseIntake {

    public static final String CHANNEL = "complaint-events";
    static final String RECEIVED = "complaint.received.v1";
    /**
     * A failure that may pass is retried for about half a minute before the message is given up; the database being
     * away is waited out however long ({@link EventRetry}).
     */
    static final int RETRIES = 8;

    private final CaseOpening opening;
    private final ObjectMapper json;
    private final CaseFeedback feedback;
    private final OdrReferrals odr;

    CaseIntake(CaseOpening opening, ObjectMapper json, CaseFeedback feedback, OdrReferrals odr) {
        this.opening = opening;
        this.json = json;
        this.feedback = feedback;
        this.odr = odr;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return EventBatch.consume(batch, json, this::applyAll, this::consume);
    }

    /**
     * The received complaints' cases in one statement batch, then the ODR steps in another, then the ratings, each in
     * its own transaction.
     */
    private Uni<Void> applyAll(List<InboundEvent> events) {
        List<CaseOpening.Opening> openings = events.stream()
                .filter(event -> RECEIVED.equals(event.type()))
                .map(CaseIntake::opening)
                .toList();
        List<InboundEvent> odrSteps = events.stream()
                .filter(event -> OdrReferrals.TYPES.contains(event.type()) || RECEIVED.equals(event.type()))
                .filter(OdrReferrals::isOdrStep)
                .toList();
        List<InboundEvent> ratings = events.stream()
                .filter(event -> CaseFeedback.TYPE.equals(event.type()))
                .toList();
        Uni<Void> opened = opening.openAll(openings).chain(() -> odr.recordAll(odrSteps));
        for (InboundEvent rating : ratings) {
            opened = opened.chain(() -> Panache.withTransaction(() -> feedback.recordOnce(rating)));
        }
        return opened;
    }

    /** One event on its own, retried while its failure may pass; acks or nacks {@code message}. */
    Uni<Void> consume(Message<String> message, InboundEvent event) {
        return EventRetry.attempt(
                        () -> switch (event.type()) {
                            case RECEIVED ->
                                opening.openAll(List.of(opening(event)))
                                        .chain(() -> OdrReferrals.isOdrStep(event)
                                                ? odr.recordAll(List.of(event))
                                                : Uni.createFrom().voidItem());
                            case OdrReferrals.SENT, OdrReferrals.RESPONDED, OdrReferrals.ANSWERED ->
                                odr.recordAll(List.of(event));
                            case CaseFeedback.TYPE -> Panache.withTransaction(() -> feedback.recordOnce(event));
                            default -> Uni.createFrom().voidItem();
                        },
                        RETRIES,
                        PoisonMessage::is)
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }

    /** The case a received complaint opens, with the history of its ODR turn when it went to the enterprise first. */
    private static CaseOpening.Opening opening(InboundEvent event) {
        return new CaseOpening.Opening(
                event.id(),
                event.type(),
                newCase(event),
                OdrEnding.of(event.data().get("odr")));
    }

    private static CaseFile newCase(InboundEvent event) {
        JsonNode subject = event.data().path("subject");
        String regionCode = subject.path("regionCode").asText();
        if (!regionCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("event " + event.id() + " has no six-digit subject.regionCode");
        }
        CaseFile.Receipt receipt = new CaseFile.Receipt(
                UUID.fromString(event.text("complaintId")),
                event.text("trackingNumber"),
                CaseKind.valueOf(event.text("kind")),
                event.text("channel"),
                event.text("category"),
                regionCode,
                subject.path("name").asText(),
                subject.path("creditCode").isTextual()
                        ? subject.path("creditCode").asText()
                        : null,
                Instant.parse(event.text("receivedAt")),
                event.data().path("rewardRequested").asBoolean(false));
        return CaseFile.received(receipt, Instant.now());
    }
}
