package cn.jxquality.complaint.contact;

import cn.jxquality.complaint.problem.ProblemException;
import cn.jxquality.complaint.reward.Identity;
import cn.jxquality.complaint.reward.RewardSupportService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Internal: notify-service reads a contact at send time, case-service the person for a reward officer, so personal
 * data stays here.
 */
@Path("/internal/v1/complaints")
@Tag(name = "Internal")
public class ContactResource {

    static final Pattern VIEWER = Pattern.compile("^[\\p{L}\\p{N}._@-]{1,100}$");

    private final ContactService contacts;
    private final RewardSupportService rewards;
    private final SecurityIdentity identity;

    ContactResource(ContactService contacts, RewardSupportService rewards, SecurityIdentity identity) {
        this.contacts = contacts;
        this.rewards = rewards;
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

    @GET
    @Path("{complaintId}/identity")
    @RolesAllowed("service")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A record's person for a reward officer, through a service account (audited with both names)")
    public Uni<Identity> identity(
            @PathParam("complaintId") String complaintId,
            @Parameter(description = "the username of the officer the identity is shown to") @QueryParam("viewer")
                    String viewer) {
        if (viewer == null || !VIEWER.matcher(viewer).matches()) {
            throw ProblemException.invalid("viewer", "must be the viewing officer's username (1 to 100 characters)");
        }
        return rewards.identity(parse(complaintId), identity.getPrincipal().getName(), viewer);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No complaint has this id.");
        }
    }
}
