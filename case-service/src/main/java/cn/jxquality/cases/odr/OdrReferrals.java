package cn.jxquality.cases.odr;

import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.platform.messaging.InboundEvent;
import cn.jxquality.platform.sql.NamedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records each step of a complaint's ODR turn in {@code odr_referral}, the ODR statistics' and the credit record's
 * source: sent to the enterprise, its answer, the citizen's answer to a settlement, and the case opened when it ended
 * without one ({@code complaint.received.v1} with {@code odr}). Each event fills in its own columns of the
 * complaint's row in one statement that also records the event id ({@code processed_event}), so a redelivery changes
 * nothing; the events of one poll are written in one round trip and one transaction.
 */
@ApplicationScoped
public class OdrReferrals {

    public static final String SENT = "complaint.sent-to-enterprise.v1";
    public static final String RESPONDED = "complaint.enterprise-responded.v1";
    public static final String ANSWERED = "complaint.settlement-answered.v1";
    /** complaint-events' types that are steps of an ODR turn by themselves (a received event only with its odr block). */
    public static final Set<String> TYPES = Set.of(SENT, RESPONDED, ANSWERED);

    /**
     * A received event's id is already recorded by the case it opened; its ODR step is recorded under this suffix,
     * so the two stay independent and each happens once.
     */
    static final String RECEIVED_SUFFIX = ":odr";

    /** Every column but the key takes the event's value where it has one and keeps what is there otherwise. */
    static final NamedStatement RECORD = NamedStatement.of("""
            WITH first AS (
              INSERT INTO processed_event (event_id, event_type, processed_at)
              VALUES (#{eventId}, #{eventType}, now())
              ON CONFLICT (event_id) DO NOTHING
              RETURNING event_id
            )
            INSERT INTO odr_referral AS r (complaint_id, tracking_number, credit_code, enterprise_name, category,
                                           region_code, sent_at, due_at, responded_at, settled, responded_on_time,
                                           answered_at, settlement_accepted, accepted_by_citizen, ending, ended_at,
                                           case_received_at, updated_at)
            SELECT #{complaintId}::uuid, #{trackingNumber}::varchar, #{creditCode}::varchar,
                   #{enterpriseName}::varchar, #{category}::varchar, #{regionCode}::varchar, #{sentAt}::timestamptz,
                   #{dueAt}::timestamptz, #{respondedAt}::timestamptz, #{settled}::boolean,
                   #{respondedOnTime}::boolean, #{answeredAt}::timestamptz, #{settlementAccepted}::boolean,
                   #{acceptedByCitizen}::boolean, #{ending}::varchar, #{endedAt}::timestamptz,
                   #{caseReceivedAt}::timestamptz, now()
            FROM first
            ON CONFLICT (complaint_id) DO UPDATE SET
              enterprise_name = coalesce(excluded.enterprise_name, r.enterprise_name),
              category = coalesce(excluded.category, r.category),
              region_code = coalesce(excluded.region_code, r.region_code),
              sent_at = coalesce(excluded.sent_at, r.sent_at),
              due_at = coalesce(excluded.due_at, r.due_at),
              responded_at = coalesce(excluded.responded_at, r.responded_at),
              settled = coalesce(excluded.settled, r.settled),
              responded_on_time = coalesce(excluded.responded_on_time, r.responded_on_time),
              answered_at = coalesce(excluded.answered_at, r.answered_at),
              settlement_accepted = coalesce(excluded.settlement_accepted, r.settlement_accepted),
              accepted_by_citizen = coalesce(excluded.accepted_by_citizen, r.accepted_by_citizen),
              ending = coalesce(excluded.ending, r.ending),
              ended_at = coalesce(excluded.ended_at, r.ended_at),
              case_received_at = coalesce(excluded.case_received_at, r.case_received_at),
              updated_at = excluded.updated_at""");

    private final Pool pool;

    OdrReferrals(Pool pool) {
        this.pool = pool;
    }

    /** True for an event this feature records: an ODR step, or a received complaint with its ODR history. */
    public static boolean isOdrStep(InboundEvent event) {
        return TYPES.contains(event.type()) || OdrEnding.of(event.data().get("odr")) != null;
    }

    /**
     * Records the events' steps in one transaction, one round trip. A malformed event fails the lot with an
     * IllegalArgumentException or DateTimeException before anything is written (the caller takes the events one by
     * one then, and dead-letters that one).
     */
    public Uni<Void> recordAll(List<InboundEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream()
                .map(event -> Tuple.newInstance(RECORD.tuple(parameters(event))))
                .toList();
        return pool.withTransaction(
                        connection -> connection.preparedQuery(RECORD.sql()).executeBatch(rows))
                .replaceWithVoid();
    }

    /** The statement's parameters for one event; the columns it says nothing about stay null (kept as they are). */
    static Map<String, Object> parameters(InboundEvent event) {
        Map<String, Object> step = new HashMap<>();
        for (String name : RECORD.names()) {
            step.put(name, null);
        }
        step.put("eventId", event.id());
        step.put("eventType", event.type());
        step.put("complaintId", UUID.fromString(event.text("complaintId")));
        step.put("trackingNumber", event.text("trackingNumber"));
        JsonNode data = event.data();
        switch (event.type()) {
            case SENT -> sent(step, event, data.path("enterprise"));
            case RESPONDED -> responded(step, event);
            case ANSWERED -> answered(step, event);
            default -> received(step, event);
        }
        return step;
    }

    private static void sent(Map<String, Object> step, InboundEvent event, JsonNode enterprise) {
        step.put("creditCode", required(enterprise, "creditCode"));
        step.put("enterpriseName", required(enterprise, "name"));
        step.put("category", event.text("category"));
        step.put("regionCode", event.optionalText("regionCode"));
        step.put("sentAt", instant(event.text("sentAt")));
        step.put("dueAt", instant(event.text("dueAt")));
    }

    /**
     * "Not settled" ends the turn at once (the received event that opens the case follows with the same ending); a
     * settlement waits for the citizen's answer.
     */
    private static void responded(Map<String, Object> step, InboundEvent event) {
        boolean settled = flag(event, "settled");
        OffsetDateTime respondedAt = instant(event.text("respondedAt"));
        step.put("creditCode", event.text("enterpriseCreditCode"));
        step.put("respondedAt", respondedAt);
        step.put("dueAt", instant(event.text("dueAt")));
        step.put("settled", settled);
        step.put("respondedOnTime", flag(event, "onTime"));
        if (!settled) {
            step.put("ending", OdrEnding.Ending.NOT_SETTLED.name());
            step.put("endedAt", respondedAt);
        }
    }

    /** A settlement accepted (by the citizen, or standing when their time passed) ends the turn; a dispute too. */
    private static void answered(Map<String, Object> step, InboundEvent event) {
        boolean accepted = flag(event, "accepted");
        OffsetDateTime answeredAt = instant(event.text("answeredAt"));
        step.put("creditCode", event.text("enterpriseCreditCode"));
        step.put("answeredAt", answeredAt);
        step.put("settlementAccepted", accepted);
        step.put("acceptedByCitizen", flag(event, "byCitizen"));
        step.put("ending", accepted ? "CONFIRMED" : OdrEnding.Ending.DISPUTED.name());
        step.put("endedAt", answeredAt);
    }

    /** The case opened after the turn: how it ended, under the received event's id with {@link #RECEIVED_SUFFIX}. */
    private static void received(Map<String, Object> step, InboundEvent event) {
        OdrEnding odr = OdrEnding.of(event.data().get("odr"));
        if (odr == null) {
            throw new IllegalArgumentException("event " + event.id() + " is no step of an ODR turn");
        }
        step.put("eventId", event.id() + RECEIVED_SUFFIX);
        step.put("creditCode", odr.enterpriseCreditCode());
        step.put("enterpriseName", odr.enterpriseName());
        step.put("category", event.text("category"));
        step.put("regionCode", event.data().path("subject").path("regionCode").asText(null));
        step.put("sentAt", at(odr.sentAt()));
        step.put("dueAt", at(odr.dueAt()));
        step.put("respondedAt", odr.respondedAt() == null ? null : at(odr.respondedAt()));
        step.put("ending", odr.ending().name());
        step.put("endedAt", at(odr.endedAt()));
        step.put("caseReceivedAt", instant(event.text("receivedAt")));
    }

    private static String required(JsonNode node, String field) {
        if (!node.path(field).isTextual()) {
            throw new IllegalArgumentException("enterprise lacks text field " + field);
        }
        return node.get(field).asText();
    }

    private static Boolean flag(InboundEvent event, String field) {
        JsonNode value = event.data().get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException("event " + event.type() + " lacks boolean field " + field);
        }
        return value.asBoolean();
    }

    private static OffsetDateTime instant(String text) {
        return at(Instant.parse(text));
    }
}
