package cn.jxquality.complaint.contact;

import cn.jxquality.complaint.intake.PersonSeal;
import cn.jxquality.complaint.intake.SubmissionRequest;
import cn.jxquality.complaint.personal.IdentityAccess;
import cn.jxquality.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hands a complaint's contact to a service account. notify-service asks for it for the messages it sends, so this
 * is one statement: the complaint's columns and, only when it holds a sealed person, the audit row ({@link IdentityAccess},
 * purpose {@code CONTACT}) — both or neither, as one statement is its own transaction. The seal is opened after the
 * statement, so one that cannot be opened (a lost key) answers 500 with its audit row written: errs towards recording.
 * A dispatcher pass asks for all the contacts it needs at once ({@link #contacts}), audited the same way. A contact
 * its owner has not confirmed yet ({@link ContactConfirmations}) says so and carries the code its receipt is to carry.
 */
@ApplicationScoped
public class ContactService {

    static final String READ = """
            WITH found AS (
                SELECT id, person_key_id, person_ciphertext, language, anonymous, contact_confirmation_required,
                    mobile_confirmed_at IS NOT NULL AS mobile_confirmed, email_confirmed_at IS NOT NULL AS email_confirmed FROM complaint WHERE id = $1),
            audit AS (
                INSERT INTO identity_access_audit (complaint_id, actor, purpose, accessed_at)
                SELECT id, $2, $3, $4 FROM found WHERE person_ciphertext IS NOT NULL)
            SELECT id, person_key_id, person_ciphertext, language, anonymous, contact_confirmation_required, mobile_confirmed,
                email_confirmed FROM found""";

    /** {@link #READ} for many complaints at once: one statement, one audit row per contact holding personal data. */
    static final String READ_MANY = """
            WITH found AS (
                SELECT id, person_key_id, person_ciphertext, language, anonymous, contact_confirmation_required,
                    mobile_confirmed_at IS NOT NULL AS mobile_confirmed, email_confirmed_at IS NOT NULL AS email_confirmed FROM complaint WHERE id = ANY($1)),
            audit AS (
                INSERT INTO identity_access_audit (complaint_id, actor, purpose, accessed_at)
                SELECT id, $2, $3, $4 FROM found WHERE person_ciphertext IS NOT NULL)
            SELECT id, person_key_id, person_ciphertext, language, anonymous, contact_confirmation_required, mobile_confirmed,
                email_confirmed FROM found""";

    private final PersonSeal personSeal;
    private final ContactConfirmations confirmations;
    private final Pool pool;

    ContactService(PersonSeal personSeal, ContactConfirmations confirmations, Pool pool) {
        this.personSeal = personSeal;
        this.confirmations = confirmations;
        this.pool = pool;
    }

    /** The contact, or a 404 problem for an unknown id; audited exactly when it carries personal data. */
    public Uni<Contact> contact(UUID complaintId, String actor) {
        Tuple parameters = Tuple.of(
                complaintId,
                actor,
                IdentityAccess.Purpose.CONTACT.name(),
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        return pool.preparedQuery(READ).execute(parameters).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                throw ProblemException.notFound("No complaint has this id.");
            }
            return contactOf(found.next());
        });
    }

    /** The contacts of those of the ids that are known (duplicates answered once), each audited like {@link #contact}. */
    public Uni<List<Contact>> contacts(List<UUID> complaintIds, String actor) {
        Tuple parameters = Tuple.of(
                complaintIds.stream().distinct().toArray(UUID[]::new),
                actor,
                IdentityAccess.Purpose.CONTACT.name(),
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        return pool.preparedQuery(READ_MANY).execute(parameters).map(rows -> {
            List<Contact> found = new ArrayList<>(rows.size());
            for (Row row : rows) {
                found.add(contactOf(row));
            }
            return found;
        });
    }

    private Contact contactOf(Row row) {
        UUID id = row.getUUID("id");
        Buffer sealed = row.getBuffer("person_ciphertext");
        SubmissionRequest.Person person = personSeal
                .open(id, row.getString("person_key_id"), sealed == null ? null : sealed.getBytes())
                .orElse(null);
        String language = row.getString("language");
        boolean anonymous = row.getBoolean("anonymous");
        if (person == null) {
            return new Contact(id, null, null, null, language, anonymous, true, true, null, null);
        }
        boolean required = row.getBoolean("contact_confirmation_required");
        boolean mobileConfirmed = !required || row.getBoolean("mobile_confirmed");
        boolean emailConfirmed = !required || row.getBoolean("email_confirmed");
        return new Contact(
                id,
                person.name(),
                person.mobile(),
                person.email(),
                language,
                anonymous,
                mobileConfirmed,
                emailConfirmed,
                mobileConfirmed || person.mobile() == null
                        ? null
                        : confirmations.code(id, ContactConfirmations.Medium.SMS),
                emailConfirmed || person.email() == null
                        ? null
                        : confirmations.code(id, ContactConfirmations.Medium.EMAIL));
    }
}
