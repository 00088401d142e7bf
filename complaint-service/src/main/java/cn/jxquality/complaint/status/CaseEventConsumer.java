package cn.jxquality.complaint.status;

import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the public timeline in step with the case: each public case event becomes a public status, a department's
 * public note ({@code case.note-added.v1}) a step with the status unchanged.
 */
@ApplicationScoped
public class CaseEventConsumer {

    public static final String CHANNEL = "case-events";

    /** Which case events the citizen sees, and as what. Other case events are internal. */
    static final Map<String, PublicStatus> PUBLIC_STATUS = Map.of(
            "case.assigned.v1", PublicStatus.ROUTED,
            "case.transferred.v1", PublicStatus.ROUTED,
            "case.accepted.v1", PublicStatus.ACCEPTED,
            "case.refused.v1", PublicStatus.NOT_ACCEPTED,
            "case.mediation-started.v1", PublicStatus.IN_PROGRESS,
            "case.investigation-started.v1", PublicStatus.IN_PROGRESS,
            "case.resolved.v1", PublicStatus.RESOLVED,
            "case.closed.v1", PublicStatus.CLOSED);

    /** A department's public note: on the timeline, the status unchanged. */
    static final String NOTE_ADDED = "case.note-added.v1";

    private final TimelineWriter timeline;
    private final ObjectMapper json;

    CaseEventConsumer(TimelineWriter timeline, ObjectMapper json) {
        this.timeline = timeline;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return InboundEvent.consume(message, json, this::apply);
    }

    private Uni<Void> apply(InboundEvent event) {
        PublicStatus status = PUBLIC_STATUS.get(event.type());
        if (status == null && !NOTE_ADDED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        UUID complaintId = UUID.fromString(event.text("complaintId"));
        Instant at = Instant.parse(event.text("occurredAt"));
        String note = event.data().path("publicNote").asText(null);
        // the department moves with the case's steps; a note leaves the record as it is
        String department =
                status == null ? null : event.data().path("departmentCode").asText(null);
        return timeline.apply(event, complaintId, at, status, department, note, note);
    }
}
