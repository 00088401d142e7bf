package cn.jxquality.cases.deadline;

import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.platform.calendar.WorkingDayCalendar;
import cn.jxquality.platform.sql.NamedStatement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Recounts the running deadlines when a year's official calendar is loaded (DESIGN §4: "deadlines already set are
 * then recomputed, never silently"), in the loader's transaction: every running working-day clock (acceptance,
 * transfer, verification with its extension; mediation's calendar days never move) and every open escalation's own
 * deadline whose count touches the year is counted again from where it began ({@link CaseDeadlines#recount}). Each
 * one that moves gets its new due and warning time, its case's deadline, an {@code INTERNAL} audit entry by the
 * system and a line in the supervisors' list; a case whose deadline or provisional flag changed gets a new version,
 * so a department's write based on the old one is refused (412) rather than putting the old deadline back.
 */
@ApplicationScoped
public class DeadlineRecount {

    /** The deadlines counted in working days. */
    static final String[] RECOUNTED = {CaseDeadlines.ACCEPT_BY, CaseDeadlines.TRANSFER_BY, CaseDeadlines.VERIFY_BY};

    static final String TAKE_CLOCKS = """
            SELECT d.id, d.case_id, d.name, d.started_at, d.counted_from, d.due_at, d.warned_at, d.overdue_at,
                   c.tracking_number, c.department_code, c.provisional_deadlines
            FROM deadline_clock d JOIN case_file c ON c.id = d.case_id
            WHERE d.stopped_at IS NULL AND d.name = ANY($1) AND d.due_at >= $2 AND d.counted_from < $3
            ORDER BY d.case_id, d.name
            FOR UPDATE OF d, c""";
    static final String TAKE_ESCALATIONS = """
            SELECT x.id, x.case_id, x.deadline_name, x.opened_at, x.due_at, c.tracking_number, c.department_code
            FROM escalation x JOIN case_file c ON c.id = x.case_id
            WHERE x.closed_at IS NULL AND x.overdue_at IS NULL AND x.due_at >= $1 AND x.opened_at < $2
            ORDER BY x.case_id
            FOR UPDATE OF x""";
    static final String MOVE_CLOCK =
            "UPDATE deadline_clock SET due_at = $2, warn_at = $3, warned_at = $4, overdue_at = $5 WHERE id = $1";
    static final String CLOSE_ESCALATION =
            "UPDATE escalation SET closed_at = $3 WHERE case_id = $1 AND deadline_name = $2 AND closed_at IS NULL";
    static final String MOVE_ESCALATION = "UPDATE escalation SET due_at = $2 WHERE id = $1";
    static final NamedStatement CHANGE_CASE = NamedStatement.of("""
            UPDATE case_file
            SET accept_by = coalesce(#{acceptBy}::timestamptz, accept_by),
                transfer_by = coalesce(#{transferBy}::timestamptz, transfer_by),
                verify_by = coalesce(#{verifyBy}::timestamptz, verify_by),
                provisional_deadlines = #{provisional}, version = version + 1, updated_at = #{now}
            WHERE id = #{id}""");
    static final String AUDIT = """
            INSERT INTO case_event (case_id, type, actor, actor_role, department_code, at, note, visibility)
            VALUES ($1, 'case.deadline-moved', 'system', 'system', $2, $3, $4, 'INTERNAL')""";

    /**
     * Recounts on {@code after} what was counted on {@code before}, which differ in {@code year} only; {@code reason}
     * ends each audit note. Yields the deadlines that moved.
     */
    public Uni<List<MovedDeadline>> recount(
            SqlConnection tx,
            WorkingDayCalendar before,
            WorkingDayCalendar after,
            int year,
            Instant now,
            String reason) {
        Instant yearStart = startOf(year);
        Instant nextYear = startOf(year + 1);
        RecountedDeadlines recounted = new RecountedDeadlines(before, after, now, reason);
        return tx.preparedQuery(TAKE_CLOCKS)
                .execute(Tuple.of(RECOUNTED, at(yearStart), at(nextYear)))
                .invoke(rows -> rows.forEach(recounted::clock))
                .flatMap(rows -> tx.preparedQuery(TAKE_ESCALATIONS).execute(Tuple.of(at(yearStart), at(nextYear))))
                .invoke(rows -> rows.forEach(recounted::escalation))
                .flatMap(rows -> write(tx, recounted))
                .map(written -> recounted.moved);
    }

    private static Uni<Void> write(SqlConnection tx, RecountedDeadlines recounted) {
        List<Tuple> cases = recounted.caseChanges().stream()
                .map(values -> Tuple.newInstance(CHANGE_CASE.tuple(values)))
                .toList();
        return batch(tx, MOVE_CLOCK, recounted.clocks)
                .flatMap(v -> batch(tx, CLOSE_ESCALATION, recounted.closedEscalations))
                .flatMap(v -> batch(tx, MOVE_ESCALATION, recounted.escalations))
                .flatMap(v -> batch(tx, CHANGE_CASE.sql(), cases))
                .flatMap(v -> batch(tx, AUDIT, recounted.audits));
    }

    /** {@code rows} through {@code sql} in one batch; nothing when there are none. */
    public static Uni<Void> batch(SqlConnection tx, String sql, List<Tuple> rows) {
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : tx.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    /** The first instant of {@code year} in Beijing. */
    public static Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(CaseDeadlines.BEIJING).toInstant();
    }
}
