package cn.jxquality.complaint.contact;

import cn.jxquality.complaint.personal.ActingOfficer;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Internal: notify-service reads a contact at send time, case-service the person for a reward officer, so personal
 * data stays here. Each service account holds only the role for its own call (realm roles {@code contact-reader},
 * {@code identity-reader}); a service token never reaches the other.
 */
@Path("/internal/v1/complaints")
@Tag(name = "Internal")
public class ContactResource {

    /** notify-service's account: a contact at send time. */
    static final String CONTACT_READER = "contact-reader";

    /** case-service's account: a reporter's identity for the reward officer named by their own token. */
    static final String IDENTITY_READER = "identity-reader";

    private final ContactService contacts;
    private final RewardSupportService rewards;
    private final SecurityIdentity identity;
    private final ActingOfficer officer;

    ContactResource(
            ContactService contacts, RewardSupportService rewards, SecurityIdentity identity, ActingOfficer officer) {
        this.contacts = contacts;
        this.rewards = rewards;
        this.identity = identity;
        this.officer = officer;
    }

    @GET
    @Path("{complaintId}/contact")
    @RolesAllowed(CONTACT_READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A complaint's contact for a service account (audited)")
    public Uni<Contact> contact(@PathParam("complaintId") String complaintId) {
        return contacts.contact(parse(complaintId), identity.getPrincipal().getName());
    }

    @POST
    @Path("contact-lookups")
    @RolesAllowed(CONTACT_READER)
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
    @RolesAllowed(IDENTITY_READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A record's person for a reward officer, through a service account (audited with both names)",
            description = "The officer is the one whose access token comes in " + ActingOfficer.HEADER
                    + " (a reward reviewer, approver or finance officer), not a name the service sends.")
    public Uni<Identity> identity(
            @PathParam("complaintId") String complaintId,
            @Parameter(description = "the access token of the reward officer who asked")
                    @HeaderParam(ActingOfficer.HEADER)
                    String officerToken) {
        UUID id = parse(complaintId);
        return officer.of(officerToken)
                .flatMap(viewer -> rewards.identity(id, identity.getPrincipal().getName(), viewer));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No complaint has this id.");
        }
    }
}
