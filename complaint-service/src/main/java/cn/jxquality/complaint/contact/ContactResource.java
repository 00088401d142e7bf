package cn.jxquality.complaint.contact;

import cn.jxquality.complaint.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Internal: notify-service reads a contact at send time, so personal data stays here. */
@Path("/internal/v1/complaints")
@Tag(name = "Internal")
public class ContactResource {

    private final ContactService contacts;
    private final SecurityIdentity identity;

    ContactResource(ContactService contacts, SecurityIdentity identity) {
        this.contacts = contacts;
        this.identity = identity;
    }

    @GET
    @Path("{complaintId}/contact")
    @RolesAllowed("service")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A complaint's contact for a service account (audited)")
    public Uni<Contact> contact(@PathParam("complaintId") String complaintId) {
        return contacts.contact(parse(complaintId), identity.getPrincipal().getName());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No complaint has this id.");
        }
    }
}
