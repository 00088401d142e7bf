package cn.jxquality.complaint.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes one record with a single statement: the duplicate search, the tracking number, the complaint row, its
 * first timeline entry and its {@code complaint.received.v1} outbox row. One round trip instead of six keeps intake
 * from waiting on the database and the event loop in turn (issue 3's benchmark); on its own the statement is its
 * own transaction, inside a caller's transaction it joins it.
 *
 * <p>A record repeats an earlier one (linked, {@code DUPLICATE}) when the same person (mobile or ID-number blind
 * index) reported the same business (credit code when both have one, else the normalised name) in the same category
 * within 30 days; the earliest such record is linked. A record without a person repeats nothing.
 */
@ApplicationScoped
public class RecordWriter {

    static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);

    static final String INSERT = """
            WITH earlier AS (
                SELECT id FROM complaint
                WHERE $28::uuid IS NULL AND category = $6 AND received_at > $29
                  AND (mobile_blind_index = $24 OR id_number_blind_index = $25)
                  AND CASE WHEN $9::varchar IS NULL THEN subject_name_key = $8
                           ELSE subject_credit_code = $9 OR (subject_credit_code IS NULL AND subject_name_key = $8) END
                ORDER BY received_at, tracking_number LIMIT 1),
            saved AS (
                INSERT INTO complaint (id, tracking_number, query_code_hash, kind, channel, category, subject_name,
                    subject_name_key, subject_credit_code, subject_address, subject_region_code, subject_online_platform,
                    occurred_on, product_or_service, amount_fen, description, remedy, consent_publish,
                    consent_entrusted_mediation, anonymous, reward_requested, person_ciphertext, person_key_id,
                    mobile_blind_index, id_number_blind_index, submitted_by, language, linked_complaint_id, link_reason,
                    status, received_at, updated_at)
                SELECT $1, $2 || lpad((nextval('tracking_number_seq') % 1000000)::text, 6, '0'), $3, $4, $5, $6, $7,
                    $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27,
                    coalesce($28, (SELECT id FROM earlier)),
                    CASE WHEN $28 IS NOT NULL THEN 'SPLIT' WHEN EXISTS (SELECT 1 FROM earlier) THEN 'DUPLICATE' END,
                    'RECEIVED', $30, $30
                RETURNING id, tracking_number, linked_complaint_id, link_reason),
            timeline AS (
                INSERT INTO status_timeline_entry (complaint_id, at, status) SELECT id, $30, 'RECEIVED' FROM saved),
            event AS (
                INSERT INTO outbox_event (id, aggregate_id, type, subject, payload, created_at)
                SELECT $31, id, $32, tracking_number, ($33::text::jsonb || jsonb_build_object('trackingNumber', tracking_number,
                    'linkedComplaintId', linked_complaint_id, 'linkReason', link_reason))::text, $30
                FROM saved)
            SELECT tracking_number, linked_complaint_id, link_reason FROM saved""";

    /**
     * Inserts the record; fills in its {@code trackingNumber} ({@code trackingPrefix} and six digits of the
     * sequence), {@code linkedComplaintId} and {@code linkReason}. {@code splitFrom} is the complaint a report half
     * belongs to (then no duplicate search), else null; {@code eventData} the event's data without those three.
     */
    Uni<Complaint> insert(SqlClient sql, Complaint c, String trackingPrefix, UUID splitFrom, String eventData) {
        OffsetDateTime at = OffsetDateTime.ofInstant(c.receivedAt, ZoneOffset.UTC);
        Object[] values = {
            c.id,
            trackingPrefix,
            bytes(c.queryCodeHash),
            c.kind.name(),
            c.channel.name(),
            c.category,
            c.subjectName,
            c.subjectNameKey,
            c.subjectCreditCode,
            c.subjectAddress,
            c.subjectRegionCode,
            c.subjectOnlinePlatform,
            c.occurredOn,
            c.productOrService,
            c.amountFen,
            c.description,
            c.remedy == null ? null : c.remedy.name(),
            c.consentPublish,
            c.consentEntrustedMediation,
            c.anonymous,
            c.rewardRequested,
            bytes(c.personCiphertext),
            c.personKeyId,
            bytes(c.mobileBlindIndex),
            bytes(c.idNumberBlindIndex),
            c.submittedBy,
            c.language,
            splitFrom,
            at.minus(DUPLICATE_WINDOW),
            at,
            UUID.randomUUID(),
            ComplaintReceived.TYPE,
            eventData
        };
        return sql.preparedQuery(INSERT)
                .execute(Tuple.wrap(Arrays.asList(values)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    c.trackingNumber = row.getString("tracking_number");
                    c.linkedComplaintId = row.getUUID("linked_complaint_id");
                    String reason = row.getString("link_reason");
                    c.linkReason = reason == null ? null : LinkReason.valueOf(reason);
                    return c;
                });
    }

    private static Buffer bytes(byte[] value) {
        return value == null ? null : Buffer.buffer(value);
    }
}
