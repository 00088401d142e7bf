package cn.jxquality.notify.contact;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Looks up a complainant's contact at send time; a complaint without one (e.g. an anonymous report) is empty. */
@ApplicationScoped
public class ContactBook {

    private final ComplaintContactClient client;

    ContactBook(@RestClient ComplaintContactClient client) {
        this.client = client;
    }

    /** Empty on 404; other failures (5xx, timeouts, no token) fail the Uni so the delivery is retried. */
    public Uni<Optional<Contact>> find(UUID complaintId) {
        return client.contact(complaintId)
                .map(Optional::ofNullable)
                .onFailure(ContactBook::notFound)
                .recoverWithItem(Optional.empty());
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException e
                && e.getResponse() != null
                && e.getResponse().getStatus() == 404;
    }
}
