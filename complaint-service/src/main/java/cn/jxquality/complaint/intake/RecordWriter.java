package cn.jxquality.complaint.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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

    private final GroupCommit alone;

    RecordWriter(Pool pool, IntakeConfig config) {
        this.alone = new GroupCommit(
                pool.getDelegate(),
                INSERT,
                config.groupCommit().maxSize(),
                config.groupCommit().maxInFlight());
    }

    /** Inserts the record in the caller's transaction; see {@link #insert(Complaint, String, String)}. */
    Uni<Complaint> insert(SqlClient sql, Complaint c, String trackingPrefix, UUID splitFrom, String eventData) {
        return sql.preparedQuery(INSERT)
                .execute(io.vertx.mutiny.sqlclient.Tuple.newInstance(values(c, trackingPrefix, splitFrom, eventData)))
                .map(rows -> saved(c, rows.iterator().next().getDelegate()));
    }

    /**
     * Inserts the record in a transaction of its own, shared with other records written at the same moment; fills in
     * its {@code trackingNumber}, {@code linkedComplaintId} and {@code linkReason} once committed.
     */
    Uni<Complaint> insert(Complaint c, String trackingPrefix, String eventData) {
        return alone.execute(values(c, trackingPrefix, null, eventData)).map(row -> saved(c, row));
    }

    /**
     * The statement's parameters. The tracking number is {@code trackingPrefix} and six digits of the sequence;
     * {@code splitFrom} is the complaint a report half belongs to (then no duplicate search), else null;
     * {@code eventData} is the event's data without the tracking number and the link, which the statement adds.
     */
    private static Tuple values(Complaint c, String trackingPrefix, UUID splitFrom, String eventData) {
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
        return Tuple.wrap(Arrays.asList(values));
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
