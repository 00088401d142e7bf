package cn.jxquality.cases.deadline;

import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.cases.scan.DueRows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Warns at 80 % of a running deadline ({@code case.deadline-near.v1}) and at 100 % emits {@code case.overdue.v1}
 * and opens a supervisor escalation with its own deadline. Due clocks are taken with {@code FOR UPDATE SKIP
 * LOCKED} and marked in the same transaction as the events, the escalation and the audit entry, so any number of
 * replicas share the work and each step fires once.
 */
@ApplicationScoped
public class DeadlineScheduler {

    static final String TAKE_DUE = """
            SELECT d.id, d.case_id, d.name, d.due_at, d.due_at <= $1 AS overdue,
                   c.complaint_id, c.tracking_number, c.kind, c.department_code, c.state
            FROM deadline_clock d JOIN case_file c ON c.id = d.case_id
            WHERE d.stopped_at IS NULL AND d.paused_at IS NULL
              AND ((d.warned_at IS NULL AND d.warn_at <= $1) OR (d.overdue_at IS NULL AND d.due_at <= $1))
            ORDER BY d.due_at
            LIMIT $2
            FOR UPDATE OF d SKIP LOCKED""";
    static final String MARK_WARNED = "UPDATE deadline_clock SET warned_at = $2 WHERE id = $1";
    static final String MARK_OVERDUE =
            "UPDATE deadline_clock SET overdue_at = $2, warned_at = coalesce(warned_at, $2) WHERE id = $1";
    static final String OPEN_ESCALATION = """
            INSERT INTO escalation (id, case_id, tracking_number, deadline_name, department_code, opened_at, due_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (case_id, deadline_name) WHERE closed_at IS NULL DO NOTHING""";
    static final String APPEND_OUTBOX = """
            INSERT INTO outbox_event (id, aggregate_id, type, subject, payload, created_at)
            VALUES ($1, $2, $3, $4, $5, $6)""";
    static final String AUDIT = """
            INSERT INTO case_event (case_id, type, actor, actor_role, department_code, at, note, visibility)
            VALUES ($1, $2, 'system', 'system', $3, $4, $5, 'INTERNAL')""";

    private final Pool pool;
    private final ObjectMapper json;
    private final CaseDeadlines deadlines;
    private final int batchSize;
    private final int escalationWorkingDays;

    @Inject
    DeadlineScheduler(Pool pool, ObjectMapper json, CaseDeadlines deadlines, DeadlinesConfig config) {
        this(pool, json, deadlines, config.batchSize(), config.escalationWorkingDays());
    }

    /** For tests that run two schedulers with small batches side by side. */
    DeadlineScheduler(Pool pool, ObjectMapper json, CaseDeadlines deadlines, int batchSize, int escalationWorkingDays) {
        this.pool = pool;
        this.json = json;
        this.deadlines = deadlines;
        this.batchSize = batchSize;
        this.escalationWorkingDays = escalationWorkingDays;
    }

    @Scheduled(
            identity = "deadline-scan",
            every = "${deadlines.scan-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledScan() {
        return scanAll()
                .invoke(fired -> {
                    if (fired > 0) {
                        Log.infof("Deadline scan: %d warning(s) or overdue step(s) fired", fired);
                    }
                })
                .replaceWithVoid();
    }

    /** Scans batch after batch until nothing is due; yields how many steps this instance fired. */
    public Uni<Integer> scanAll() {
        return DueRows.untilDrained(() -> scanOnce(), batchSize);
    }

    /** One transaction: take up to a batch of due clocks nobody else holds and fire their steps. */
    public Uni<Integer> scanOnce() {
        Instant now = Instant.now();
        return DueRows.inOneTransaction(
                pool, TAKE_DUE, Tuple.of(at(now), batchSize), (conn, row) -> fire(conn, row, now));
    }

    private Uni<Void> fire(SqlConnection conn, Row row, Instant now) {
        return row.getBoolean("overdue") ? overdue(conn, row, now) : near(conn, row, now);
    }

    private Uni<Void> near(SqlConnection conn, Row row, Instant now) {
        DeadlineAlert alert = alert(row, now, null, null);
        String note = "期限将至 Deadline " + alert.deadline() + " is near: due " + alert.dueAt();
        return conn.preparedQuery(MARK_WARNED)
                .execute(Tuple.of(row.getLong("id"), at(now)))
                .flatMap(r -> announce(conn, DeadlineAlert.NEAR, alert, note));
    }

    private Uni<Void> overdue(SqlConnection conn, Row row, Instant now) {
        UUID escalationId = UUID.randomUUID();
        Instant escalationDue =
                deadlines.workingDaysAfter(now, escalationWorkingDays).due();
        DeadlineAlert alert = alert(row, now, escalationId, escalationDue);
        String note = "逾期督办 Deadline " + alert.deadline() + " passed (due " + alert.dueAt()
                + "); escalated to the supervisors, to be acted on by " + escalationDue;
        Tuple escalation = Tuple.tuple()
                .addUUID(escalationId)
                .addUUID(alert.caseId())
                .addString(alert.trackingNumber())
                .addString(alert.deadline())
                .addString(alert.departmentCode())
                .addOffsetDateTime(at(now))
                .addOffsetDateTime(at(escalationDue));
        return conn.preparedQuery(MARK_OVERDUE)
                .execute(Tuple.of(row.getLong("id"), at(now)))
                .flatMap(r -> conn.preparedQuery(OPEN_ESCALATION).execute(escalation))
                .flatMap(r -> announce(conn, DeadlineAlert.OVERDUE, alert, note));
    }

    private Uni<Void> announce(SqlConnection conn, String type, DeadlineAlert alert, String note) {
        Tuple outbox = Tuple.of(
                UUID.randomUUID(),
                alert.complaintId(),
                type,
                alert.trackingNumber(),
                toJson(alert),
                at(alert.occurredAt()));
        Tuple audit =
                Tuple.of(alert.caseId(), type.replace(".v1", ""), alert.departmentCode(), at(alert.occurredAt()), note);
        return conn.preparedQuery(APPEND_OUTBOX)
                .execute(outbox)
                .flatMap(r -> conn.preparedQuery(AUDIT).execute(audit))
                .replaceWithVoid();
    }

    private static DeadlineAlert alert(Row row, Instant now, UUID escalationId, Instant escalationDue) {
        return new DeadlineAlert(
                row.getUUID("case_id"),
                row.getUUID("complaint_id"),
                row.getString("tracking_number"),
                row.getString("kind"),
                row.getString("department_code"),
                row.getString("state"),
                row.getString("name"),
                row.getOffsetDateTime("due_at").toInstant(),
                now,
                escalationId,
                escalationDue);
    }

    private String toJson(DeadlineAlert alert) {
        try {
            return json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("deadline alert not serialisable", e);
        }
    }
}
