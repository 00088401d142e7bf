package cn.jxquality.cases.deadline;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The escalations supervisors read, newest first. */
@ApplicationScoped
public class Escalations {

    /**
     * One escalation as supervisors see it; {@code dueAt} is the escalation's own deadline, {@code overdueAt} when
     * the scheduler reported it still open after that deadline.
     */
    public record EscalationView(
            UUID id,
            UUID caseId,
            String trackingNumber,
            String deadline,
            String departmentCode,
            Instant openedAt,
            Instant dueAt,
            Instant closedAt,
            Instant overdueAt) {

        static EscalationView of(Escalation e) {
            return new EscalationView(
                    e.id,
                    e.caseId,
                    e.trackingNumber,
                    e.deadlineName,
                    e.departmentCode,
                    e.openedAt,
                    e.dueAt,
                    e.closedAt,
                    e.overdueAt);
        }
    }

    /** Open (or closed) escalations, of one tracking number when given, newest first. */
    @WithSession
    public Uni<List<EscalationView>> list(boolean open, String trackingNumber, int limit) {
        String query = (open ? "closedAt is null" : "closedAt is not null")
                + (trackingNumber == null ? "" : " and trackingNumber = ?1");
        Sort newest = Sort.descending("openedAt", "id");
        var found = trackingNumber == null
                ? Escalation.<Escalation>find(query, newest)
                : Escalation.<Escalation>find(query, newest, trackingNumber);
        return found.page(Page.ofSize(limit))
                .list()
                .map(rows -> rows.stream().map(EscalationView::of).toList());
    }
}
