package cn.jxquality.cases.intake;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.messaging.PoisonMessage;
import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code complaint-events}: opens a case for each received complaint and routes it to the responsible
 * department; records follow-up ratings. Redeliveries change nothing; a malformed event goes to the dead-letter
 * topic.
 */
@ApplicationScoped
public class CaseIntake {

    public static final String CHANNEL = "complaint-events";
    static final String RECEIVED = "complaint.received.v1";
    /** A failure that may pass is retried for about half a minute before the message is given up. */
    static final int RETRIES = 8;

    static final Duration RETRY_FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration RETRY_MAX_BACKOFF = Duration.ofSeconds(5);

    private final CaseOpening opening;
    private final ObjectMapper json;
    private final CaseFeedback feedback;

    CaseIntake(CaseOpening opening, ObjectMapper json, CaseFeedback feedback) {
        this.opening = opening;
        this.json = json;
        this.feedback = feedback;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return Uni.createFrom()
                .item(() -> InboundEvent.of(message, json))
                .flatMap(event -> switch (event.type()) {
                    case RECEIVED -> opening.open(event.id(), event.type(), newCase(event));
                    case CaseFeedback.TYPE -> Panache.withTransaction(() -> feedback.recordOnce(event));
                    default -> Uni.createFrom().voidItem();
                })
                .onFailure(failure -> !PoisonMessage.is(failure))
                .invoke(failure -> Log.warnf("Event not taken yet, retrying: %s", failure.toString()))
                .onFailure(failure -> !PoisonMessage.is(failure))
                .retry()
                .withBackOff(RETRY_FIRST_BACKOFF, RETRY_MAX_BACKOFF)
                .atMost(RETRIES)
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
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
