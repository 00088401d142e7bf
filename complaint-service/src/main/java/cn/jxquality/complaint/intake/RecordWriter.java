package cn.jxquality.complaint.intake;

import cn.jxquality.platform.sql.NamedStatement;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one record with a single statement: the duplicate search, the tracking number, the complaint row, its
 * first timeline entry and its {@code complaint.received.v1} outbox row. One round trip instead of six keeps intake
 * from waiting on the database and the event loop in turn (issue 3's benchmark). Inside a caller's transaction the
 * statement joins it; a record written on its own commits together with the others arriving at the same moment
 * ({@link GroupCommit}: {@code intake.group-commit.max-size} records a transaction, at most
 * {@code intake.group-commit.max-in-flight} transactions at the database at once).
 *
 * <p>A record repeats an earlier one (linked, {@code DUPLICATE}) when the same person (mobile or ID-number blind
 * index) reported the same business (credit code when both have one, else the normalised name) in the same category
 * within 30 days; the earliest such record is linked. A record without a person repeats nothing.
 */
@ApplicationScoped
public class RecordWriter {

    static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);

    static final NamedStatement INSERT = NamedStatement.of("""
            WITH earlier AS (
                SELECT id FROM complaint
                WHERE #{splitFrom}::uuid IS NULL AND category = #{category} AND received_at > #{duplicatesSince}
                  AND (mobile_blind_index = #{mobileBlindIndex} OR id_number_blind_index = #{idNumberBlindIndex})
                  AND CASE WHEN #{subjectCreditCode}::varchar IS NULL THEN subject_name_key = #{subjectNameKey}
                           ELSE subject_credit_code = #{subjectCreditCode}
                                OR (subject_credit_code IS NULL AND subject_name_key = #{subjectNameKey}) END
                ORDER BY received_at, tracking_number LIMIT 1),
            saved AS (
                INSERT INTO complaint (id, tracking_number, query_code_hash, query_code_key_id, kind, channel, category, subject_name,
                    subject_name_key, subject_credit_code, subject_address, subject_region_code, subject_online_platform,
                    occurred_on, product_or_service, amount_fen, description, remedy, consent_publish,
                    consent_entrusted_mediation, anonymous, reward_requested, person_ciphertext, person_key_id,
                    mobile_blind_index, id_number_blind_index, index_key_id, contact_confirmation_required, submitted_by, language, linked_complaint_id, link_reason,
                    status, received_at, updated_at)
                SELECT #{id}, #{trackingPrefix} || lpad((nextval('tracking_number_seq') % 10000000)::text, 7, '0'),
                    #{queryCodeHash}, #{queryCodeKeyId}, #{kind}, #{channel}, #{category}, #{subjectName}, #{subjectNameKey},
                    #{subjectCreditCode}, #{subjectAddress}, #{subjectRegionCode}, #{subjectOnlinePlatform},
                    #{occurredOn}, #{productOrService}, #{amountFen}, #{description}, #{remedy}, #{consentPublish},
                    #{consentEntrustedMediation}, #{anonymous}, #{rewardRequested}, #{personCiphertext},
                    #{personKeyId}, #{mobileBlindIndex}, #{idNumberBlindIndex}, #{indexKeyId}, #{contactConfirmationRequired}, #{submittedBy}, #{language},
                    coalesce(#{splitFrom}, (SELECT id FROM earlier)),
                    CASE WHEN #{splitFrom} IS NOT NULL THEN 'SPLIT'
                         WHEN EXISTS (SELECT 1 FROM earlier) THEN 'DUPLICATE' END,
                    'RECEIVED', #{receivedAt}, #{receivedAt}
                RETURNING id, tracking_number, linked_complaint_id, link_reason),
            timeline AS (
                INSERT INTO status_timeline_entry (complaint_id, at, status)
                SELECT id, #{receivedAt}, 'RECEIVED' FROM saved),
            event AS (
                INSERT INTO outbox_event (id, aggregate_id, type, subject, payload, created_at)
                SELECT #{eventId}, id, #{eventType}, tracking_number,
                    (#{eventData}::text::jsonb || jsonb_build_object('trackingNumber', tracking_number,
                        'linkedComplaintId', linked_complaint_id, 'linkReason', link_reason))::text,
                    #{receivedAt}
                FROM saved)
            SELECT tracking_number, linked_complaint_id, link_reason FROM saved""");

    private final GroupCommit alone;

    RecordWriter(Pool pool, IntakeConfig config) {
        this.alone = new GroupCommit(
                pool.getDelegate(),
                INSERT.sql(),
                config.groupCommit().maxSize(),
                config.groupCommit().maxInFlight());
    }

    /** Inserts the record in the caller's transaction; see {@link #insert(Complaint, String, String)}. */
    Uni<Complaint> insert(
            SqlClient sql, Complaint c, String trackingPrefix, UUID splitFrom, String eventType, String eventData) {
        return sql.preparedQuery(INSERT.sql())
                .execute(io.vertx.mutiny.sqlclient.Tuple.newInstance(
                        INSERT.tuple(values(c, trackingPrefix, splitFrom, eventType, eventData))))
                .map(rows -> saved(c, rows.iterator().next().getDelegate()));
    }

    /**
     * Inserts the record in a transaction of its own, shared with other records written at the same moment; fills in
     * its {@code trackingNumber}, {@code linkedComplaintId} and {@code linkReason} once committed.
     */
    Uni<Complaint> insert(Complaint c, String trackingPrefix, String eventData) {
        return alone.execute(INSERT.tuple(values(c, trackingPrefix, null, ComplaintReceived.TYPE, eventData)))
                .map(row -> saved(c, row));
    }

    /**
     * The statement's parameters. The tracking number is {@code trackingPrefix} and six digits of the sequence;
     * {@code splitFrom} is the complaint a report half belongs to (then no duplicate search), else null;
     * {@code eventType} is {@code complaint.received.v1} or, for a complaint sent to an ODR enterprise first,
     * {@code complaint.sent-to-enterprise.v1}; {@code eventData} is the event's data without the tracking number and the link, which the statement adds.
     */
    private static Map<String, Object> values(
            Complaint c, String trackingPrefix, UUID splitFrom, String eventType, String eventData) {
        OffsetDateTime at = OffsetDateTime.ofInstant(c.receivedAt, ZoneOffset.UTC);
        Map<String, Object> values = new HashMap<>();
        values.put("id", c.id);
        values.put("trackingPrefix", trackingPrefix);
        values.put("queryCodeHash", bytes(c.queryCodeHash));
        values.put("queryCodeKeyId", c.queryCodeKeyId);
        values.put("indexKeyId", c.indexKeyId);
        values.put("contactConfirmationRequired", c.contactConfirmationRequired);
        values.put("kind", c.kind.name());
        values.put("channel", c.channel.name());
        values.put("category", c.category);
        values.put("subjectName", c.subjectName);
        values.put("subjectNameKey", c.subjectNameKey);
        values.put("subjectCreditCode", c.subjectCreditCode);
        values.put("subjectAddress", c.subjectAddress);
        values.put("subjectRegionCode", c.subjectRegionCode);
        values.put("subjectOnlinePlatform", c.subjectOnlinePlatform);
        values.put("occurredOn", c.occurredOn);
        values.put("productOrService", c.productOrService);
        values.put("amountFen", c.amountFen);
        values.put("description", c.description);
        values.put("remedy", c.remedy == null ? null : c.remedy.name());
        values.put("consentPublish", c.consentPublish);
        values.put("consentEntrustedMediation", c.consentEntrustedMediation);
        values.put("anonymous", c.anonymous);
        values.put("rewardRequested", c.rewardRequested);
        values.put("personCiphertext", bytes(c.personCiphertext));
        values.put("personKeyId", c.personKeyId);
        values.put("mobileBlindIndex", bytes(c.mobileBlindIndex));
        values.put("idNumberBlindIndex", bytes(c.idNumberBlindIndex));
        values.put("submittedBy", c.submittedBy);
        values.put("language", c.language);
        values.put("splitFrom", splitFrom);
        values.put("duplicatesSince", at.minus(DUPLICATE_WINDOW));
        values.put("receivedAt", at);
        values.put("eventId", UUID.randomUUID());
        values.put("eventType", eventType);
        values.put("eventData", eventData);
        return values;
    }

    private static Complaint saved(Complaint c, Row row) {
        c.trackingNumber = row.getString("tracking_number");
        c.linkedComplaintId = row.getUUID("linked_complaint_id");
        String reason = row.getString("link_reason");
        c.linkReason = reason == null ? null : LinkReason.valueOf(reason);
        return c;
    }

    private static Buffer bytes(byte[] value) {
        return value == null ? null : Buffer.buffer(value);
    }
}
