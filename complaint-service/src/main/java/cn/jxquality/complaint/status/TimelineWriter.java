package cn.jxquality.complaint.status;

import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.platform.messaging.InboundEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Applies one consumed event to the public timeline with a single statement, so at 50 events a second the consumers
 * wait on one round trip instead of six: the event id goes into {@code processed_event} (at most once per id), and
 * only when it was new the complaint's status and {@code updated_at} move (when the event names a status) and the
 * step is added. The id is recorded only for a known complaint, so an event for an unknown one leaves nothing behind
 * and fails, to be retried or dead-lettered; a redelivered event changes nothing.
 */
@ApplicationScoped
public class TimelineWriter {

    static final String APPLY = """
            WITH target AS (
                SELECT id, status, language FROM complaint WHERE id = $1),
            marked AS (
                INSERT INTO processed_event (event_id, event_type, processed_at)
                SELECT $2, $3, $4 FROM target
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id),
            moved AS (
                UPDATE complaint SET status = coalesce($5, status), department_code = coalesce($9, department_code),
                    updated_at = $4, version = version + 1
                WHERE id = $1 AND ($5::varchar IS NOT NULL OR $9::varchar IS NOT NULL)
                    AND EXISTS (SELECT 1 FROM marked)),
            step AS (
                INSERT INTO status_timeline_entry (complaint_id, at, status, note, source_event_id)
                SELECT id, $6, coalesce($5::varchar, status), CASE WHEN language = 'en' THEN $8 ELSE $7 END, $2
                FROM target WHERE EXISTS (SELECT 1 FROM marked))
            SELECT EXISTS (SELECT 1 FROM target) AS known, EXISTS (SELECT 1 FROM marked) AS applied""";

    private final Pool pool;

    TimelineWriter(Pool pool) {
        this.pool = pool;
    }

    /**
     * One event's step at {@code at} on the complaint's timeline: the status it moves to (null: unchanged), the
     * department now handling it (null: unchanged), the note in both languages (either may be null; the citizen's
     * is stored).
     */
    public record Step(
            InboundEvent event,
            UUID complaintId,
            Instant at,
            PublicStatus status,
            String departmentCode,
            String noteZh,
            String noteEn) {

        Tuple values() {
            Object[] values = {
                complaintId,
                event.id(),
                event.type(),
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC),
                status == null ? null : status.name(),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                noteZh,
                noteEn,
                departmentCode
            };
            return Tuple.wrap(Arrays.asList(values));
        }
    }

    /**
     * Applies the steps in their order in one round trip and one commit (the statements are pipelined with a single
     * Sync: one implicit transaction). Fails when one names no known complaint; that one left nothing behind, the
     * others are stored (applying them again changes nothing). A single step fails when its complaint is unknown.
     */
    public Uni<Void> apply(Step step) {
        return applyAll(List.of(step));
    }

    public Uni<Void> applyAll(List<Step> steps) {
        if (steps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var statement = pool.preparedQuery(APPLY);
        Uni<RowSet<Row>> sent = steps.size() == 1
                ? statement.execute(steps.get(0).values())
                : statement.executeBatch(steps.stream().map(Step::values).toList());
        return sent.invoke(rows -> {
                    RowSet<Row> each = rows;
                    for (Step step : steps) {
                        Row outcome = each.iterator().next();
                        if (!outcome.getBoolean("known")) {
                            throw new IllegalStateException(
                                    step.event().type() + " for unknown complaint " + step.complaintId());
                        }
                        if (!outcome.getBoolean("applied")) {
                            Log.debugf("Event %s already applied", step.event().id());
                        }
                        each = each.next();
                    }
                })
                .replaceWithVoid();
    }
}
