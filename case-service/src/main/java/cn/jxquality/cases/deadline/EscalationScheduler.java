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
 * Tells the supervisors when an escalation is still open after its own deadline ({@code
 * case.escalation-overdue.v1}), once per escalation. As in {@link DeadlineScheduler}, due escalations are taken
 * with {@code FOR UPDATE SKIP LOCKED} and marked in the transaction that writes the event and an {@code INTERNAL}
 * audit entry, so replicas never fire twice. A case waiting for the citizen's materials is left alone until they
 * arrive: the department cannot act meanwhile.
 */
@ApplicationScoped
public class EscalationScheduler {

    static final String TAKE_DUE = """
            SELECT e.id, e.case_id, e.deadline_name, e.department_code, e.due_at,
                   c.complaint_id, c.tracking_number, c.kind, c.state
            FROM escalation e JOIN case_file c ON c.id = e.case_id
            WHERE e.closed_at IS NULL AND e.overdue_at IS NULL AND e.due_at <= $1
              AND c.waiting_for_materials_since IS NULL
            ORDER BY e.due_at
            LIMIT $2
            FOR UPDATE OF e SKIP LOCKED""";
    static final String MARK_OVERDUE = "UPDATE escalation SET overdue_at = $2 WHERE id = $1";
    static final String AUDIT_TYPE = "case.escalation-overdue";

    private final Pool pool;
    private final ObjectMapper json;
    private final int batchSize;

    @Inject
    EscalationScheduler(Pool pool, ObjectMapper json, DeadlinesConfig config) {
        this(pool, json, config.batchSize());
    }

    /** For tests that run two schedulers with small batches side by side. */
    EscalationScheduler(Pool pool, ObjectMapper json, int batchSize) {
        this.pool = pool;
        this.json = json;
        this.batchSize = batchSize;
    }

    @Scheduled(
            identity = "escalation-scan",
            every = "${deadlines.scan-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledScan() {
        return scanAll()
                .invoke(fired -> {
                    if (fired > 0) {
                        Log.infof("Escalation scan: %d escalation(s) past their own deadline", fired);
                    }
                })
                .replaceWithVoid();
    }

    /** Scans batch after batch until no escalation is due; yields how many this instance reported. */
    public Uni<Integer> scanAll() {
        return DueRows.untilDrained(() -> scanOnce(), batchSize);
    }

    /** One transaction: take up to a batch of due escalations nobody else holds and report them. */
    public Uni<Integer> scanOnce() {
        Instant now = Instant.now();
        return DueRows.inOneTransaction(
                pool, TAKE_DUE, Tuple.of(at(now), batchSize), (conn, row) -> report(conn, overdue(row, now)));
    }

    private Uni<Void> report(SqlConnection conn, EscalationOverdue overdue) {
        String note = "督办逾期 The escalation of " + overdue.deadline() + " is still open after its own deadline "
                + overdue.escalationDueAt() + "; the supervisors are told";
        Tuple outbox = Tuple.of(
                UUID.randomUUID(),
                overdue.complaintId(),
                EscalationOverdue.TYPE,
                overdue.trackingNumber(),
                toJson(overdue),
                at(overdue.occurredAt()));
        Tuple audit = Tuple.of(overdue.caseId(), AUDIT_TYPE, overdue.departmentCode(), at(overdue.occurredAt()), note);
        return conn.preparedQuery(MARK_OVERDUE)
                .execute(Tuple.of(overdue.escalationId(), at(overdue.occurredAt())))
                .flatMap(
                        r -> conn.preparedQuery(DeadlineScheduler.APPEND_OUTBOX).execute(outbox))
                .flatMap(r -> conn.preparedQuery(DeadlineScheduler.AUDIT).execute(audit))
                .replaceWithVoid();
    }

    private static EscalationOverdue overdue(Row row, Instant now) {
        return new EscalationOverdue(
                row.getUUID("case_id"),
                row.getUUID("complaint_id"),
                row.getString("tracking_number"),
                row.getString("kind"),
                row.getString("department_code"),
                row.getString("state"),
                row.getString("deadline_name"),
                row.getUUID("id"),
                row.getOffsetDateTime("due_at").toInstant(),
                now);
    }

    private String toJson(EscalationOverdue overdue) {
        try {
            return json.writeValueAsString(overdue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("escalation overdue not serialisable", e);
        }
    }
}
