package cn.jxquality.complaint.odr;

import cn.jxquality.complaint.contact.Contact;
import cn.jxquality.complaint.contact.ContactService;
import cn.jxquality.complaint.intake.Remedy;
import cn.jxquality.complaint.intake.UnifiedSocialCreditCode;
import cn.jxquality.complaint.search.SearchCriteria;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An ODR enterprise's desk: its complaints, newest first, and one with the contact the citizen agreed to share
 * (each such read audited, as every read of personal data is), and its outcome. An enterprise sees only complaints
 * sent to it; another's answers 404, as if it did not exist.
 */
@ApplicationScoped
public class EnterpriseDesk {

    static final String COMPLAINT_COLUMNS = OdrReferral.COLUMNS
            + ", c.category, c.subject_name, c.occurred_on, c.product_or_service, c.amount_fen, c.description,"
            + " c.remedy";

    static final String LIST = "SELECT " + COMPLAINT_COLUMNS
            + " FROM odr_referral r JOIN complaint c ON c.id = r.complaint_id"
            + " WHERE r.enterprise_credit_code = $1 AND ($2::varchar IS NULL OR r.state = $2)"
            + " AND ($3::timestamptz IS NULL OR (r.sent_at, r.complaint_id) < ($3, $4))"
            + " ORDER BY r.sent_at DESC, r.complaint_id DESC LIMIT $5";

    static final String ONE = "SELECT " + COMPLAINT_COLUMNS
            + " FROM odr_referral r JOIN complaint c ON c.id = r.complaint_id"
            + " WHERE r.enterprise_credit_code = $1 AND c.tracking_number = $2";

    private final Pool pool;
    private final ContactService contacts;
    private final OdrSteps steps;

    EnterpriseDesk(Pool pool, ContactService contacts, OdrSteps steps) {
        this.pool = pool;
        this.contacts = contacts;
        this.steps = steps;
    }

    /** The enterprise's complaints in {@code state} (null: all), newest first, without contacts. */
    public Uni<EnterpriseComplaintPage> list(String creditCode, String state, String after, String limit) {
        List<Problem.Violation> violations = new ArrayList<>();
        OdrState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = OdrState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("state", "must be one of " + Arrays.toString(OdrState.values())));
            }
        }
        SearchCriteria.Cursor cursor =
                after == null || after.isBlank() ? null : SearchCriteria.Cursor.decode(after, violations);
        int size = SearchCriteria.limit(limit, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        Object[] values = {
            creditCode,
            wanted == null ? null : wanted.name(),
            cursor == null ? null : OffsetDateTime.ofInstant(cursor.receivedAt(), ZoneOffset.UTC),
            cursor == null ? null : cursor.id(),
            size + 1
        };
        return pool.preparedQuery(LIST)
                .execute(Tuple.from(Arrays.asList(values)))
                .map(rows -> {
                    List<EnterpriseComplaint> items = new ArrayList<>();
                    OdrReferral last = null;
                    for (Row row : rows) {
                        if (items.size() == size) {
                            return new EnterpriseComplaintPage(
                                    items, new SearchCriteria.Cursor(last.sentAt(), last.complaintId()).encode());
                        }
                        last = OdrReferral.of(row);
                        items.add(view(last, row, null));
                    }
                    return new EnterpriseComplaintPage(items, null);
                });
    }

    /** One of the enterprise's complaints with the contact it may see; 404 for any other. */
    public Uni<EnterpriseComplaint> one(String creditCode, String trackingNumber, String actor) {
        return find(creditCode, trackingNumber).flatMap(row -> {
            OdrReferral referral = OdrReferral.of(row);
            if (!referral.shareContact()) {
                return Uni.createFrom().item(view(referral, row, null));
            }
            return contacts.contact(referral.complaintId(), actor).map(contact -> view(referral, row, shared(contact)));
        });
    }

    /**
     * Records the enterprise's outcome; answers the complaint as it now stands, without the contact: the enterprise
     * read it when it opened the complaint, and an answer that repeated it would be one more audited read of personal
     * data that nobody asked for.
     */
    public Uni<EnterpriseComplaint> respond(
            String creditCode, String trackingNumber, EnterpriseResponse response, String actor) {
        boolean settled = response.outcome() == EnterpriseResponse.Outcome.SETTLED;
        String text = settled ? response.agreement() : response.reason();
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(
                    settled ? "agreement" : "reason",
                    settled ? "must say what was agreed" : "must say why no settlement was reached");
        }
        return find(creditCode, trackingNumber)
                .flatMap(row -> steps.respond(OdrReferral.of(row), settled, text.strip(), actor))
                .flatMap(done -> find(creditCode, trackingNumber))
                .map(row -> view(OdrReferral.of(row), row, null));
    }

    /** The enterprise the token speaks for; a token without a valid one may not act for any (403). */
    public static String creditCodeOf(SecurityIdentity identity) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("credit_code") : null;
        String code = claim == null ? null : claim.toString().strip();
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw ProblemException.forbidden("Your token names no enterprise (claim credit_code).");
        }
        return code;
    }

    private Uni<Row> find(String creditCode, String trackingNumber) {
        return pool.preparedQuery(ONE)
                .execute(Tuple.of(creditCode, trackingNumber))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound(
                                "No complaint sent to your enterprise has this tracking number.");
                    }
                    return rows.iterator().next();
                });
    }

    /** Only what its owner confirmed, when confirmation was asked; the name always (the citizen agreed). */
    private static EnterpriseComplaint.SharedContact shared(Contact contact) {
        return new EnterpriseComplaint.SharedContact(
                contact.name(),
                contact.mobileConfirmed() ? contact.mobile() : null,
                contact.emailConfirmed() ? contact.email() : null);
    }

    private static EnterpriseComplaint view(OdrReferral r, Row row, EnterpriseComplaint.SharedContact contact) {
        String remedy = row.getString("remedy");
        LocalDate occurred = row.getLocalDate("occurred_on");
        EnterpriseComplaint.Response response = r.respondedAt() == null
                ? null
                : new EnterpriseComplaint.Response(
                        r.agreement() != null, r.agreement(), r.reason(), r.respondedAt(), r.answerBy());
        EnterpriseComplaint.CitizenAnswer answer = r.answeredAt() == null
                ? null
                : new EnterpriseComplaint.CitizenAnswer(
                        r.state() == OdrState.CONFIRMED, Boolean.TRUE.equals(r.answeredByCitizen()), r.answeredAt());
        return new EnterpriseComplaint(
                r.trackingNumber(),
                r.state(),
                r.sentAt(),
                r.dueAt(),
                row.getString("category"),
                row.getString("subject_name"),
                occurred,
                row.getString("product_or_service"),
                row.getLong("amount_fen"),
                row.getString("description"),
                remedy == null ? null : Remedy.valueOf(remedy),
                contact,
                response,
                answer);
    }
}
