package cn.jxquality.complaint.contact;

import cn.jxquality.complaint.reward.Identity;
import cn.jxquality.complaint.reward.RewardSupportService;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    @POST
    @Path("contact-lookups")
    @RolesAllowed("service")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The contacts of up to 100 complaints for a service account (each audited)",
            description = "notify-service asks once per dispatcher pass; unknown ids are left out of the answer.")
    public Uni<Contacts> contacts(@NotNull @Valid ContactLookup lookup) {
        if (lookup.complaintIds().contains(null)) {
            throw ProblemException.invalid("complaintIds", "must hold complaint ids, not null");
        }
        return contacts.contacts(lookup.complaintIds(), identity.getPrincipal().getName())
                .map(Contacts::new);
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
