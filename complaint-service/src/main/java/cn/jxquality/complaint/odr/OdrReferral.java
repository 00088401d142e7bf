package cn.jxquality.complaint.odr;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One referral as stored, with its complaint's tracking number and language. */
record OdrReferral(
        UUID complaintId,
        String trackingNumber,
        String language,
        String enterpriseCreditCode,
        String enterpriseName,
        boolean shareContact,
        OdrState state,
        Instant sentAt,
        Instant dueAt,
        Instant respondedAt,
        String agreement,
        String reason,
        Instant answerBy,
        Instant answeredAt,
        Boolean answeredByCitizen,
        String citizenComment,
        Instant endedAt) {

    /** The columns {@link #of} reads, from {@code odr_referral r} joined to {@code complaint c}. */
    static final String COLUMNS = "r.complaint_id, c.tracking_number, c.language, r.enterprise_credit_code,"
            + " r.enterprise_name, r.share_contact, r.state, r.sent_at, r.due_at, r.responded_at, r.agreement,"
            + " r.reason, r.answer_by, r.answered_at, r.answered_by_citizen, r.citizen_comment, r.ended_at";

    static OdrReferral of(Row row) {
        return new OdrReferral(
                row.getUUID("complaint_id"),
                row.getString("tracking_number"),
                row.getString("language"),
                row.getString("enterprise_credit_code"),
                row.getString("enterprise_name"),
                row.getBoolean("share_contact"),
                OdrState.valueOf(row.getString("state")),
                instant(row, "sent_at"),
                instant(row, "due_at"),
                instant(row, "responded_at"),
                row.getString("agreement"),
                row.getString("reason"),
                instant(row, "answer_by"),
                instant(row, "answered_at"),
                row.getBoolean("answered_by_citizen"),
                row.getString("citizen_comment"),
                instant(row, "ended_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    /** Whether the citizen writes in English. */
    boolean english() {
        return "en".equals(language);
    }
}
