package cn.jxquality.cases.deadline;

import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.cases.casefile.Deadline;
import cn.jxquality.platform.calendar.WorkingDayCalendar;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What recounting the running deadlines on a newly loaded calendar changes, gathered row by row before anything is
 * written ({@link DeadlineRecount} writes it in batches): the clocks that move (due and warning times), the
 * escalations that move or no longer apply, each case's deadlines and provisional flags, an audit entry per moved
 * deadline, and the list for the supervisors.
 */
final class RecountedDeadlines {

    private final WorkingDayCalendar before;
    private final WorkingDayCalendar after;
    private final Instant now;
    private final String reason;

    final List<Tuple> clocks = new ArrayList<>();
    final List<Tuple> closedEscalations = new ArrayList<>();
    final List<Tuple> escalations = new ArrayList<>();
    final List<Tuple> audits = new ArrayList<>();
    final List<MovedDeadline> moved = new ArrayList<>();
    private final Map<UUID, CaseDeadlinesChange> cases = new LinkedHashMap<>();
    private final Set<String> released = new HashSet<>();

    RecountedDeadlines(WorkingDayCalendar before, WorkingDayCalendar after, Instant now, String reason) {
        this.before = before;
        this.after = after;
        this.now = now;
        this.reason = reason;
    }

    /** A running clock: recounted from where its count began; a clock that ran out but now lies ahead is released. */
    void clock(Row row) {
        UUID caseId = row.getUUID("case_id");
        String name = row.getString("name");
        Instant due = instant(row, "due_at");
        Deadline recounted = CaseDeadlines.recount(instant(row, "counted_from"), due, before, after);
        CaseDeadlinesChange change =
                cases.computeIfAbsent(caseId, id -> new CaseDeadlinesChange(row.getString("provisional_deadlines")));
        change.provisional(name, recounted.provisional());
        if (recounted.due().equals(due)) {
            return;
        }
        DeadlineClock clock = new DeadlineClock();
        clock.startedAt = instant(row, "started_at");
        clock.warnedAt = instant(row, "warned_at");
        clock.overdueAt = instant(row, "overdue_at");
        boolean ranOut = clock.overdueAt != null;
        clock.moveTo(recounted.due(), now);
        clocks.add(Tuple.of(row.getLong("id"), at(clock.dueAt), at(clock.warnAt), orNull(clock.warnedAt))
                .addValue(orNull(clock.overdueAt)));
        String note = "期限调整 Deadline " + name + " moved from " + CaseDeadlines.day(due) + " to "
                + CaseDeadlines.day(recounted.due()) + ": " + reason;
        if (ranOut && clock.overdueAt == null) {
            closedEscalations.add(Tuple.of(caseId, name, at(now)));
            released.add(caseId + name);
            note += "; it lies ahead again, so its escalation is closed";
        }
        change.deadlines.put(name, recounted.due());
        record(row, caseId, name, due, recounted.due(), note);
    }

    /** An open escalation's own deadline, counted in working days from when it was opened. */
    void escalation(Row row) {
        UUID caseId = row.getUUID("case_id");
        String name = row.getString("deadline_name");
        if (released.contains(caseId + name)) {
            return;
        }
        Instant due = instant(row, "due_at");
        Deadline recounted = CaseDeadlines.recount(instant(row, "opened_at"), due, before, after);
        if (recounted.due().equals(due)) {
            return;
        }
        escalations.add(Tuple.of(row.getUUID("id"), at(recounted.due())));
        String note = "期限调整 The escalation's deadline for " + name + " moved from " + CaseDeadlines.day(due) + " to "
                + CaseDeadlines.day(recounted.due()) + ": " + reason;
        record(row, caseId, MovedDeadline.escalationOf(name), due, recounted.due(), note);
    }

    /** The cases whose deadlines or provisional flags changed: id, acceptBy, transferBy, verifyBy, flags, now. */
    List<Map<String, Object>> caseChanges() {
        List<Map<String, Object>> changes = new ArrayList<>();
        cases.forEach((id, change) -> {
            if (change.changed()) {
                Map<String, Object> values = new HashMap<>();
                values.put("id", id);
                values.put("acceptBy", orNull(change.deadlines.get(CaseDeadlines.ACCEPT_BY)));
                values.put("transferBy", orNull(change.deadlines.get(CaseDeadlines.TRANSFER_BY)));
                values.put("verifyBy", orNull(change.deadlines.get(CaseDeadlines.VERIFY_BY)));
                values.put("provisional", change.provisionalNames());
                values.put("now", at(now));
                changes.add(values);
            }
        });
        return changes;
    }

    private void record(Row row, UUID caseId, String deadline, Instant from, Instant to, String note) {
        String department = row.getString("department_code");
        audits.add(Tuple.of(caseId, department, at(now), note));
        moved.add(new MovedDeadline(caseId, row.getString("tracking_number"), department, deadline, from, to));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime orNull(Instant instant) {
        return instant == null ? null : at(instant);
    }

    /** One case's recounted deadlines and its provisional flags (comma-separated names, as the case keeps them). */
    private static final class CaseDeadlinesChange {

        private final String provisionalBefore;
        private final Set<String> provisional = new TreeSet<>();
        final Map<String, Instant> deadlines = new HashMap<>();

        CaseDeadlinesChange(String provisionalBefore) {
            this.provisionalBefore = provisionalBefore;
            if (!provisionalBefore.isEmpty()) {
                provisional.addAll(List.of(provisionalBefore.split(",")));
            }
        }

        void provisional(String name, boolean onAProvisionalYear) {
            if (onAProvisionalYear) {
                provisional.add(name);
            } else {
                provisional.remove(name);
            }
        }

        String provisionalNames() {
            return String.join(",", provisional);
        }

        boolean changed() {
            return !deadlines.isEmpty() || !provisionalBefore.equals(provisionalNames());
        }
    }
}
