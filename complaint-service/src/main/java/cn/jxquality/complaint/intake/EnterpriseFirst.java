package cn.jxquality.complaint.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What intake needs of ODR, enterprise first (DESIGN §4), implemented by the {@code odr} feature: whether a business
 * is in the register, when its answer is due, and the referral written in intake's transaction. Intake owns this
 * interface so that {@code odr}, which reads the complaint and raises its case later, depends on intake and never
 * the other way round.
 */
public interface EnterpriseFirst {

    /** The registered enterprise with this credit code, if any. */
    Optional<Enterprise> registered(String creditCode);

    /** The end of the enterprise's 10 working days for a complaint sent at {@code sentAt}. */
    Instant answerDue(Instant sentAt);

    /** Records the referral in {@code sql}'s transaction, with its first public step. */
    Uni<Void> refer(SqlClient sql, Referral referral);

    /** A registered ODR enterprise; {@code email} is its contact channel (a business's, not a person's). */
    record Enterprise(String creditCode, String name, String regionCode, String email) {}

    /** A complaint sent to {@code enterprise}, with the citizen's choice to share their contact. */
    record Referral(
            UUID complaintId,
            Enterprise enterprise,
            boolean shareContact,
            Instant sentAt,
            Instant dueAt,
            String language) {}
}
