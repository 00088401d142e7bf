package cn.jxquality.cases.casefile;

import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.deadline.DeadlineClocks;
import cn.jxquality.cases.handling.CaseKind;
import cn.jxquality.cases.messaging.InboundEvent;
import cn.jxquality.cases.messaging.PoisonMessage;
import cn.jxquality.cases.messaging.ProcessedEvents;
import cn.jxquality.cases.outbox.Outbox;
import cn.jxquality.cases.routing.RoutingDirectory;
import cn.jxquality.cases.routing.RoutingRule;
import cn.jxquality.cases.statistics.CaseStatistics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

    private final RoutingDirectory routing;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final CaseDeadlines deadlines;
    private final DeadlineClocks clocks;
    private final CaseStatistics statistics;
    private final CaseFeedback feedback;

    CaseIntake(
            RoutingDirectory routing,
            ProcessedEvents processed,
            Outbox outbox,
            ObjectMapper json,
            CaseDeadlines deadlines,
            DeadlineClocks clocks,
            CaseStatistics statistics,
            CaseFeedback feedback) {
        this.routing = routing;
        this.processed = processed;
        this.outbox = outbox;
        this.json = json;
        this.deadlines = deadlines;
        this.clocks = clocks;
        this.statistics = statistics;
        this.feedback = feedback;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return Uni.createFrom()
                .item(() -> InboundEvent.of(message, json))
                .flatMap(event -> switch (event.type()) {
                    case RECEIVED -> Panache.withTransaction(() -> openOnce(event));
                    case CaseFeedback.TYPE -> Panache.withTransaction(() -> feedback.recordOnce(event));
                    default -> Uni.createFrom().voidItem();
                })
                .onFailure(failure -> !PoisonMessage.is(failure))
                .retry()
                .withBackOff(RETRY_FIRST_BACKOFF, RETRY_MAX_BACKOFF)
                .atMost(RETRIES)
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }

    private Uni<Void> openOnce(InboundEvent event) {
        CaseFile fresh = newCase(event);
        return processed
                .firstDelivery(event.id(), event.type())
                .flatMap(first -> first ? open(fresh) : Uni.createFrom().voidItem());
    }

    private Uni<Void> open(CaseFile file) {
        Optional<RoutingRule> rule = routing.route(file.kind, file.category, file.regionCode);
        Instant now = file.createdAt;
        CaseKind kind = CaseKind.valueOf(file.kind);
        deadlines.onReceipt(kind, file.receivedAt).forEach(file::setDeadline);
        CaseEvent created = audit(file, "case.created", null, CaseState.NEW, "Opened from the received complaint");
        if (rule.isEmpty()) {
            Log.infof("Case %s matches no routing rule: triage", file.trackingNumber);
            return file.persist()
                    .flatMap(saved -> created.persist())
                    .flatMap(saved -> outbox.append(
                            file.complaintId, CaseAssigned.TRIAGE_TYPE, file.trackingNumber, assigned(file, now, null)))
                    .flatMap(saved -> clocks.sync(file, now))
                    .flatMap(saved -> statistics.received(file));
        }
        file.departmentCode = rule.get().departmentCode();
        file.routingRuleId = rule.get().id();
        file.state = CaseState.ASSIGNED;
        file.assignedAt = now;
        deadlines.onAssigned(kind, now, false).forEach(file::setDeadline);
        CaseEvent routed =
                audit(file, "case.assigned", CaseState.NEW, CaseState.ASSIGNED, "Routed by rule " + file.routingRuleId);
        Log.infof("Case %s routed to %s by rule %s", file.trackingNumber, file.departmentCode, file.routingRuleId);
        return file.persist()
                .flatMap(saved -> created.persist())
                .flatMap(saved -> routed.persist())
                .flatMap(saved -> outbox.append(
                        file.complaintId,
                        CaseAssigned.TYPE,
                        file.trackingNumber,
                        assigned(file, now, "Forwarded to the responsible department " + file.departmentCode)))
                .flatMap(saved -> clocks.sync(file, now))
                .flatMap(saved -> statistics.received(file));
    }

    private static CaseFile newCase(InboundEvent event) {
        JsonNode subject = event.data().path("subject");
        CaseFile file = new CaseFile();
        file.id = UUID.randomUUID();
        file.complaintId = UUID.fromString(event.text("complaintId"));
        file.trackingNumber = event.text("trackingNumber");
        file.kind = event.text("kind");
        file.channel = event.text("channel");
        file.category = event.text("category");
        file.regionCode = subject.path("regionCode").asText();
        file.subjectName = subject.path("name").asText();
        file.subjectCreditCode = subject.path("creditCode").isTextual()
                ? subject.path("creditCode").asText()
                : null;
        file.receivedAt = Instant.parse(event.text("receivedAt"));
        file.rewardRequested = event.data().path("rewardRequested").asBoolean(false);
        file.state = CaseState.NEW;
        file.createdAt = Instant.now();
        file.updatedAt = file.createdAt;
        return file;
    }

    private static CaseEvent audit(CaseFile file, String type, CaseState from, CaseState to, String note) {
        CaseEvent event = new CaseEvent();
        event.caseId = file.id;
        event.type = type;
        event.fromState = from;
        event.toState = to;
        event.actor = CaseEvent.SYSTEM;
        event.actorRole = CaseEvent.SYSTEM;
        event.departmentCode = file.departmentCode;
        event.at = file.createdAt;
        event.note = note;
        event.visibility = Visibility.INTERNAL;
        return event;
    }

    private static CaseAssigned assigned(CaseFile file, Instant at, String publicNote) {
        return new CaseAssigned(
                file.id,
                file.complaintId,
                file.trackingNumber,
                file.kind,
                file.category,
                file.regionCode,
                file.departmentCode,
                file.routingRuleId,
                file.state,
                at,
                publicNote);
    }
}
