package cn.jxquality.notify.notification;

import cn.jxquality.notify.messaging.InboundEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.qute.Engine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Decides who hears about a case event, and records exactly one notification per recipient and channel. */
@ApplicationScoped
public class CaseEventRouter {

    public static final String CHANNEL = "case-events";
    static final String ASSIGNED = "case.assigned.v1";
    static final String DEFAULT_LANGUAGE = "zh-CN";

    /** Inserting twice for one (event, recipient, channel) is a no-op: the unique key, not a cache. */
    static final String RECORD_ONCE = """
            insert into notification (id, event_id, event_type, complaint_id, tracking_number, recipient,
              recipient_kind, channel, template, language, body, status, attempts, created_at, sent_at)
            values (:id, :eventId, :eventType, :complaintId, :trackingNumber, :recipient,
              :recipientKind, :channel, :template, :language, :body, :status, 1, :now, :now)
            on conflict on constraint notification_once do nothing""";

    private final ObjectMapper json;
    private final Engine templates;

    CaseEventRouter(ObjectMapper json, Engine templates) {
        this.json = json;
        this.templates = templates;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return Uni.createFrom()
                .item(() -> InboundEvent.of(message, json))
                .flatMap(event -> ASSIGNED.equals(event.type())
                        ? Panache.withTransaction(() -> notifyDepartmentInbox(event))
                        : Uni.createFrom().voidItem())
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }

    /** A new case lands in the department's in-app inbox at once. */
    private Uni<Void> notifyDepartmentInbox(InboundEvent event) {
        String department = event.text("departmentCode");
        String template = "case-assigned-department";
        String body = templates
                .getTemplate("notifications/" + template + "." + DEFAULT_LANGUAGE)
                .data("event", json.convertValue(event.data(), Map.class))
                .render()
                .strip();
        Instant now = Instant.now();
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(RECORD_ONCE)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("eventId", event.id())
                        .setParameter("eventType", event.type())
                        .setParameter("complaintId", UUID.fromString(event.text("complaintId")))
                        .setParameter("trackingNumber", event.text("trackingNumber"))
                        .setParameter("recipient", department)
                        .setParameter("recipientKind", RecipientKind.DEPARTMENT.name())
                        .setParameter("channel", NotificationChannel.IN_APP.name())
                        .setParameter("template", template)
                        .setParameter("language", DEFAULT_LANGUAGE)
                        .setParameter("body", body)
                        .setParameter("status", NotificationStatus.SENT.name())
                        .setParameter("now", now)
                        .executeUpdate())
                .invoke(inserted -> Log.infof(
                        inserted == 1 ? "In-app notice of %s to %s" : "Notice of %s to %s already recorded",
                        event.text("trackingNumber"),
                        department))
                .replaceWithVoid();
    }
}
