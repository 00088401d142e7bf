package cn.jxquality.complaint.contact;

import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.PersonSeal;
import cn.jxquality.complaint.intake.SubmissionRequest;
import cn.jxquality.complaint.personal.IdentityAccess;
import cn.jxquality.complaint.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Hands a complaint's contact to a service account, leaving an audit row in the same transaction. */
@ApplicationScoped
public class ContactService {

    private final PersonSeal personSeal;

    ContactService(PersonSeal personSeal) {
        this.personSeal = personSeal;
    }

    @WithTransaction
    public Uni<Contact> contact(UUID complaintId, String actor) {
        return Complaint.<Complaint>findById(complaintId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No complaint has this id."))
                .flatMap(complaint -> {
                    SubmissionRequest.Person person = personSeal.open(complaint).orElse(null);
                    Contact contact = person == null
                            ? new Contact(complaint.id, null, null, null, complaint.language, complaint.anonymous)
                            : new Contact(
                                    complaint.id,
                                    person.name(),
                                    person.mobile(),
                                    person.email(),
                                    complaint.language,
                                    complaint.anonymous);
                    return person == null
                            ? Uni.createFrom().item(contact)
                            : IdentityAccess.record(complaint.id, actor, IdentityAccess.Purpose.CONTACT, null)
                                    .replaceWith(contact);
                });
    }
}
