package cn.jxquality.complaint.status;

import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.platform.messaging.EventBatch;
import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
    private final Instance<OfficialCalendarListener> calendars;

    CaseEventConsumer(TimelineWriter timeline, ObjectMapper json, Instance<OfficialCalendarListener> calendars) {
        this.timeline = timeline;
        this.json = json;
        this.calendars = calendars;
    }

    /**
     * Read in batches: the steps of one poll are written in one round trip; if that fails, each event is taken on its
     * own, and the one at fault is dead-lettered.
     */
    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return EventBatch.consume(
                batch,
                json,
                events -> timeline.applyAll(events.stream()
                                .map(this::step)
                                .filter(Objects::nonNull)
                                .toList())
                        .call(() -> calendarsIn(events)),
                (message, event) -> InboundEvent.consume(message, json, this::apply));
    }

    private Uni<Void> apply(InboundEvent event) {
        TimelineWriter.Step step = step(event);
        return (step == null ? Uni.createFrom().voidItem() : timeline.apply(step))
                .call(() -> calendarsIn(List.of(event)));
    }

    /** An official calendar case-service loaded, for those here that count working days, in the order loaded. */
    private Uni<Void> calendarsIn(List<InboundEvent> events) {
        Uni<Void> told = Uni.createFrom().voidItem();
        for (InboundEvent event : events) {
            if (!OfficialCalendarListener.TYPE.equals(event.type())) {
                continue;
            }
            int year = event.data().path("year").asInt();
            List<OfficialCalendarListener.Day> days = new ArrayList<>();
            event.data()
                    .path("days")
                    .forEach(day -> days.add(new OfficialCalendarListener.Day(
                            LocalDate.parse(day.path("date").asText()),
                            day.path("type").asText())));
            for (OfficialCalendarListener listener : calendars) {
                told = told.call(() -> listener.loaded(year, days));
            }
        }
        return told;
    }

    /** The event's public step; null for an internal event. */
    private TimelineWriter.Step step(InboundEvent event) {
        PublicStatus status = PUBLIC_STATUS.get(event.type());
        if (status == null && !NOTE_ADDED.equals(event.type())) {
            return null;
        }
        UUID complaintId = UUID.fromString(event.text("complaintId"));
        Instant at = Instant.parse(event.text("occurredAt"));
        String note = event.data().path("publicNote").asText(null);
        // the department moves with the case's steps; a note leaves the record as it is
        String department =
                status == null ? null : event.data().path("departmentCode").asText(null);
        return new TimelineWriter.Step(event, complaintId, at, status, department, note, note);
    }
}
