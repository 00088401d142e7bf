package cn.jxquality.complaint.contact;

import cn.jxquality.complaint.intake.QueryCodes;
import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.complaint.status.LookupThrottle;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * A mobile or e-mail given on the web or through an Open311 app could be anyone's (issue 17, item 5). Its first
 * message, the receipt, carries a confirmation code and a link; only once its owner confirms with that code does it
 * hear anything more (notify-service reads whether it is confirmed with the contact, at send time). The code is an HMAC
 * of the complaint and the medium under the blind-index key, so nothing is stored but when it was confirmed; a wrong
 * code counts against the number and the client like a wrong query code.
 */
@ApplicationScoped
public class ContactConfirmations {

    /** The medium a code confirms: the mobile (SMS) or the e-mail address. */
    public enum Medium {
        SMS,
        EMAIL;

        String column() {
            return this == SMS ? "mobile_confirmed_at" : "email_confirmed_at";
        }
    }

    static final int LENGTH = 8;

    static final String FIND = "select id, contact_confirmation_required from complaint where tracking_number = $1";

    private final BlindIndex hmac;
    private final LookupThrottle throttle;
    private final Pool pool;

    ContactConfirmations(BlindIndex hmac, LookupThrottle throttle, Pool pool) {
        this.hmac = hmac;
        this.throttle = throttle;
        this.pool = pool;
    }

    /** The code that confirms this complaint's address on this medium: 8 characters of the query codes' alphabet. */
    public String code(UUID complaintId, Medium medium) {
        byte[] mac = hmac.of("contact-confirmation", medium + ":" + complaintId);
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(QueryCodes.ALPHABET.charAt((mac[i] & 0xFF) % QueryCodes.ALPHABET.length()));
        }
        return code.toString();
    }

    /**
     * Confirms the address; confirming twice is confirming. An unknown number, a complaint whose contact needs no
     * confirmation and a wrong code answer the same 404, counted against the number and the client (429 when used up).
     */
    public Uni<Void> confirm(String trackingNumber, Medium medium, String presented, String client) {
        return throttle.oneAtATime(
                trackingNumber,
                () -> throttle.checkOpen(trackingNumber, client)
                        .flatMap(open -> pool.preparedQuery(FIND).execute(Tuple.of(trackingNumber)))
                        .flatMap(rows -> {
                            RowIterator<Row> found = rows.iterator();
                            Row row = found.hasNext() ? found.next() : null;
                            if (row == null
                                    || !row.getBoolean("contact_confirmation_required")
                                    || !matches(presented, code(row.getUUID("id"), medium))) {
                                return throttle.recordFailure(trackingNumber, client)
                                        .flatMap(counted -> Uni.createFrom().failure(notFound()));
                            }
                            return pool.preparedQuery("update complaint set " + medium.column() + " = coalesce("
                                            + medium.column() + ", $2) where id = $1")
                                    .execute(Tuple.of(row.getUUID("id"), OffsetDateTime.now(ZoneOffset.UTC)))
                                    .invoke(updated -> Log.infof("%s confirmed for %s", medium, trackingNumber))
                                    .replaceWithVoid();
                        }));
    }

    private static boolean matches(String presented, String expected) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                        expected.getBytes(StandardCharsets.US_ASCII));
    }

    static ProblemException notFound() {
        return ProblemException.notFound("No complaint's contact is confirmed by this tracking number and code.");
    }
}
