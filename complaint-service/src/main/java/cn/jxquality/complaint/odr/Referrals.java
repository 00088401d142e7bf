package cn.jxquality.complaint.odr;

import cn.jxquality.complaint.intake.EnterpriseFirst;
import cn.jxquality.platform.sql.NamedStatement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Intake's view of ODR ({@link EnterpriseFirst}): the register, the enterprise's time limit, and the referral
 * written with the complaint in intake's transaction — its row and its first public step, in one statement.
 */
@ApplicationScoped
public class Referrals implements EnterpriseFirst {

    static final NamedStatement REFER = NamedStatement.of("""
            WITH referral AS (
                INSERT INTO odr_referral (complaint_id, enterprise_credit_code, enterprise_name, share_contact, state,
                    sent_at, due_at)
                VALUES (#{complaintId}, #{creditCode}, #{name}, #{shareContact}, 'WITH_ENTERPRISE', #{sentAt}, #{dueAt})
                RETURNING complaint_id)
            INSERT INTO status_timeline_entry (complaint_id, at, status, note)
            SELECT complaint_id, #{sentAt}, 'RECEIVED', #{note} FROM referral""");

    private final EnterpriseRegister register;
    private final OdrClock clock;

    Referrals(EnterpriseRegister register, OdrClock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Override
    public Optional<Enterprise> registered(String creditCode) {
        return register.find(creditCode);
    }

    @Override
    public Instant answerDue(Instant sentAt) {
        return clock.answerDue(sentAt);
    }

    @Override
    public Uni<Void> refer(SqlClient sql, Referral referral) {
        OdrNotes note = OdrNotes.sent(referral.enterprise().name(), referral.dueAt());
        Map<String, Object> values = new HashMap<>();
        values.put("complaintId", referral.complaintId());
        values.put("creditCode", referral.enterprise().creditCode());
        values.put("name", referral.enterprise().name());
        values.put("shareContact", referral.shareContact());
        values.put("sentAt", OffsetDateTime.ofInstant(referral.sentAt(), ZoneOffset.UTC));
        values.put("dueAt", OffsetDateTime.ofInstant(referral.dueAt(), ZoneOffset.UTC));
        values.put("note", "en".equals(referral.language()) ? note.en() : note.zh());
        return sql.preparedQuery(REFER.sql())
                .execute(Tuple.newInstance(REFER.tuple(values)))
                .replaceWithVoid();
    }
}
