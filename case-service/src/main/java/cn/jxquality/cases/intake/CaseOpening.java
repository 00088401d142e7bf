package cn.jxquality.cases.intake;

import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.cases.casefile.CaseAssigned;
import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.deadline.DeadlineClocks;
import cn.jxquality.cases.deadline.DeadlineClocks.Start;
import cn.jxquality.cases.odr.OdrEnding;
import cn.jxquality.cases.routing.RoutingDirectory;
import cn.jxquality.cases.routing.RoutingRule;
import cn.jxquality.platform.outbox.OutboxRelay;
import cn.jxquality.platform.sql.NamedStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a case for a received complaint in one SQL statement, so the consumer waits on the database once per batch
 * of complaints rather than a dozen times per complaint: the event id is remembered, and only on its first delivery
 * are the case, its audit entries, its {@code case-events} outbox row and its running deadline clocks written; the
 * statistics counts of the cases a batch opened follow in one more statement of the same transaction. All of it or
 * nothing is stored.
 */
@ApplicationScoped
public class CaseOpening {

    /**
     * Every part after {@code first} reads from it or from {@code opened}, so a redelivered event id writes
     * nothing. The audit entries get their ids in {@code n} order: created, the ODR history (only for a complaint
     * that went to the enterprise first), then routed. Each clock starts at its own instant and remembers when its
     * deadline's count began. The statistics counts of the cases opened follow in the same transaction, added up for
     * the batch ({@link ReceiptCounts}).
     */
    static final NamedStatement OPEN = NamedStatement.of("""
            WITH first AS (
              INSERT INTO processed_event (event_id, event_type, processed_at)
              VALUES (#{eventId}, #{eventType}, #{now})
              ON CONFLICT (event_id) DO NOTHING
              RETURNING event_id
            ), opened AS (
              INSERT INTO case_file (id, complaint_id, tracking_number, kind, channel, category, region_code,
                                     subject_name, subject_credit_code, department_code, routing_rule_id, state,
                                     received_at, assigned_at, created_at, updated_at, accept_by, transfer_by,
                                     verify_by, provisional_deadlines, reward_requested)
              SELECT #{id}, #{complaintId}, #{trackingNumber}, #{kind}, #{channel}, #{category}, #{regionCode},
                     #{subjectName}, #{subjectCreditCode}, #{departmentCode}, #{routingRuleId}, #{state},
                     #{receivedAt}, #{assignedAt}, #{now}, #{now}, #{acceptBy}, #{transferBy}, #{verifyBy},
                     #{provisionalDeadlines}, #{rewardRequested}
              FROM first
              RETURNING id
            ), audited AS (
              INSERT INTO case_event (case_id, type, from_state, to_state, actor, actor_role, department_code, at,
                                      note, visibility)
              SELECT opened.id, e.type, e.from_state, e.to_state, 'system', 'system', e.department_code, #{now}, e.note,
                     'INTERNAL'
              FROM opened,
                   (VALUES (1, 'case.created', NULL::varchar, 'NEW', NULL::varchar, #{createdNote}::varchar),
                           (2, #{odrType}::varchar, 'NEW', 'NEW', NULL::varchar, #{odrNote}::varchar),
                           (3, 'case.assigned', 'NEW', 'ASSIGNED', #{departmentCode}::varchar, #{routedNote}::varchar))
                     AS e (n, type, from_state, to_state, department_code, note)
              WHERE e.note IS NOT NULL
              ORDER BY e.n
            ), outboxed AS (
              INSERT INTO outbox_event (id, aggregate_id, type, subject, payload, created_at)
              SELECT #{outboxId}, #{complaintId}, #{outboxType}, #{trackingNumber}, #{payload}, #{now} FROM opened
            ), clocked AS (
              INSERT INTO deadline_clock (case_id, name, started_at, counted_from, due_at, warn_at)
              SELECT opened.id, c.name, c.started_at, c.counted_from, c.due_at, c.warn_at
              FROM opened,
                   unnest(#{clockNames}::varchar[], #{clockStartedAt}::timestamptz[],
                          #{clockCountedFrom}::timestamptz[], #{clockDueAt}::timestamptz[],
                          #{clockWarnAt}::timestamptz[])
                     AS c (name, started_at, counted_from, due_at, warn_at)
            )
            SELECT count(*) AS opened FROM opened""");

    private final Pool pool;
    private final RoutingDirectory routing;
    private final CaseDeadlines deadlines;
    private final DeadlineClocks clocks;
    private final ObjectMapper json;
    private final OutboxRelay relay;

    CaseOpening(
            Pool pool,
            RoutingDirectory routing,
            CaseDeadlines deadlines,
            DeadlineClocks clocks,
            ObjectMapper json,
            OutboxRelay relay) {
        this.pool = pool;
        this.routing = routing;
        this.deadlines = deadlines;
        this.clocks = clocks;
        this.json = json;
        this.relay = relay;
    }

    /**
     * A case to open for the event that announced its complaint; {@code odr} is the complaint's ODR history when it
     * went to the enterprise first (null otherwise): the case's deadlines then start when that ended.
     */
    public record Opening(String eventId, String eventType, CaseFile file, OdrEnding odr) {

        public Opening(String eventId, String eventType, CaseFile file) {
            this(eventId, eventType, file, null);
        }

        /** When the case's own deadlines start: the receipt, or the end of the enterprise's ODR turn. */
        Instant deadlinesFrom() {
            return odr == null ? file.receivedAt() : odr.endedAt();
        }
    }

    /**
     * Routes each case and stores it with everything that goes with it, all of them in one transaction: the opening
     * statements are pipelined (one round trip), then the counts of the cases they opened are added in one more
     * statement. A failure stores none of them. A redelivered event id changes nothing and is not counted.
     */
    public Uni<Void> openAll(List<Opening> openings) {
        if (openings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(openings.size());
        for (Opening opening : openings) {
            Routed routed = route(opening.file(), opening.deadlinesFrom());
            rows.add(Tuple.newInstance(OPEN.tuple(parameters(opening, routed))));
        }
        return pool.withTransaction(connection -> {
                    var statement = connection.preparedQuery(OPEN.sql());
                    return (rows.size() == 1 ? statement.execute(rows.get(0)) : statement.executeBatch(rows))
                            .flatMap(result -> {
                                List<Boolean> opened = new ArrayList<>(openings.size());
                                ReceiptCounts counts = new ReceiptCounts();
                                RowSet<Row> each = result;
                                for (Opening opening : openings) {
                                    boolean first = each.iterator().next().getLong("opened") > 0;
                                    opened.add(first);
                                    if (first) {
                                        counts.add(opening.file());
                                    }
                                    each = each.next();
                                }
                                Uni<Void> counted = counts.isEmpty()
                                        ? Uni.createFrom().voidItem()
                                        : connection
                                                .preparedQuery(ReceiptCounts.ADD)
                                                .execute(counts.tuple())
                                                .replaceWithVoid();
                                return counted.replaceWith(opened);
                            });
                })
                .invoke(opened -> {
                    for (int i = 0; i < openings.size(); i++) {
                        opened(openings.get(i).eventId(), openings.get(i).file(), opened.get(i));
                    }
                    relay.wake();
                })
                .replaceWithVoid();
    }

    /** What routing decided, for the audit entry and the event: the event's type and the notes. */
    private record Routed(String eventType, String auditNote, String publicNote) {}

    /**
     * Sets the case's state, department and deadlines from the first matching routing rule, if any; the receipt's
     * deadlines count from {@code deadlinesFrom}.
     */
    private Routed route(CaseFile file, Instant deadlinesFrom) {
        Optional<RoutingRule> rule = routing.route(file.kind(), file.category(), file.regionCode());
        CaseKind kind = file.caseKind();
        deadlines.onReceipt(kind, deadlinesFrom).forEach(file::setDeadline);
        if (rule.isEmpty()) {
            return new Routed(CaseAssigned.TRIAGE_TYPE, null, null);
        }
        file.assignTo(rule.get().departmentCode(), rule.get().id(), file.createdAt(), false);
        deadlines.onAssigned(kind, file.assignedAt(), false).forEach(file::setDeadline);
        return new Routed(
                CaseAssigned.TYPE,
                "Routed by rule " + file.routingRuleId(),
                "Forwarded to the responsible department " + file.departmentCode());
    }

    /** The named parameters of {@link #OPEN}; many are null (a case in triage has no department). */
    private Map<String, Object> parameters(Opening opening, Routed routed) {
        CaseFile file = opening.file();
        OdrEnding odr = opening.odr();
        List<Start> starts = clocks.startsOf(file, file.createdAt(), odr != null);
        Map<String, Object> params = new HashMap<>();
        params.put("eventId", opening.eventId());
        params.put("eventType", opening.eventType());
        params.put("now", at(file.createdAt()));
        params.put("id", file.id());
        params.put("complaintId", file.complaintId());
        params.put("trackingNumber", file.trackingNumber());
        params.put("kind", file.kind());
        params.put("channel", file.channel());
        params.put("category", file.category());
        params.put("regionCode", file.regionCode());
        params.put("subjectName", file.subjectName());
        params.put("subjectCreditCode", file.subjectCreditCode());
        params.put("departmentCode", file.departmentCode());
        params.put("routingRuleId", file.routingRuleId());
        params.put("state", file.state().name());
        params.put("receivedAt", at(file.receivedAt()));
        params.put("assignedAt", orNull(file.assignedAt()));
        params.put("acceptBy", orNull(file.acceptBy()));
        params.put("transferBy", orNull(file.transferBy()));
        params.put("verifyBy", orNull(file.verifyBy()));
        params.put("provisionalDeadlines", file.provisionalDeadlines());
        params.put("rewardRequested", file.rewardRequested());
        params.put("createdNote", "Opened from the received complaint");
        params.put("routedNote", routed.auditNote());
        params.put("odrType", odr == null ? null : OdrEnding.AUDIT_TYPE);
        params.put("odrNote", odr == null ? null : odr.auditNote());
        params.put("outboxId", UUID.randomUUID());
        params.put("outboxType", routed.eventType());
        params.put("payload", payload(file, routed.publicNote()));
        params.put("clockNames", starts.stream().map(Start::name).toArray(String[]::new));
        params.put("clockStartedAt", starts.stream().map(s -> at(s.startedAt())).toArray(OffsetDateTime[]::new));
        params.put(
                "clockCountedFrom",
                starts.stream().map(s -> at(s.countedFrom())).toArray(OffsetDateTime[]::new));
        params.put("clockDueAt", starts.stream().map(s -> at(s.dueAt())).toArray(OffsetDateTime[]::new));
        params.put("clockWarnAt", starts.stream().map(s -> at(s.warnAt())).toArray(OffsetDateTime[]::new));
        return params;
    }

    private void opened(String eventId, CaseFile file, boolean opened) {
        if (!opened) {
            Log.debugf("Event %s was delivered before: case %s is already open", eventId, file.trackingNumber());
            return;
        }
        if (file.departmentCode() == null) {
            Log.infof("Case %s matches no routing rule: triage", file.trackingNumber());
        } else {
            Log.infof(
                    "Case %s routed to %s by rule %s",
                    file.trackingNumber(), file.departmentCode(), file.routingRuleId());
        }
    }

    /** The city (prefecture) of a six-digit region code: a county's code with its last two digits 00. */
    static String cityOf(String regionCode) {
        return regionCode.substring(0, 4) + "00";
    }

    private static OffsetDateTime orNull(Instant instant) {
        return instant == null ? null : at(instant);
    }

    private String payload(CaseFile file, String publicNote) {
        CaseAssigned data = CaseAssigned.of(file, file.createdAt(), publicNote);
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case.assigned data is not serialisable", e);
        }
    }
}
