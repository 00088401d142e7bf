package cn.jxquality.complaint.odr;

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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The enterprise API of ODR, enterprise first (DESIGN §4): an enterprise (role {@code enterprise}, its token's
 * {@code credit_code}) lists the complaints sent to it, opens one, and records its outcome within 10 working days.
 */
@Path("/api/v1/enterprise/complaints")
@Tag(name = "ODR enterprise")
@RolesAllowed("enterprise")
public class EnterpriseResource {

    private final EnterpriseDesk desk;
    private final SecurityIdentity identity;

    EnterpriseResource(EnterpriseDesk desk, SecurityIdentity identity) {
        this.desk = desk;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The complaints sent to your enterprise, newest first",
            description = "Without contacts; open one to see the contact its citizen agreed to share.")
    public Uni<RestResponse<EnterpriseComplaintPage>> list(
            @Parameter(description = "WITH_ENTERPRISE, SETTLED, CONFIRMED, NOT_SETTLED, LAPSED or DISPUTED")
                    @QueryParam("state")
                    String state,
            @QueryParam("after") String after,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        return desk.list(EnterpriseDesk.creditCodeOf(identity), state, after, limit)
                .map(RestResponse::ok);
    }

    @GET
    @Path("{trackingNumber}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "One complaint sent to your enterprise",
            description = "With the name, mobile and e-mail its citizen agreed to share (each read is audited);"
                    + " another enterprise's complaint answers 404.")
    public Uni<RestResponse<EnterpriseComplaint>> one(@PathParam("trackingNumber") String trackingNumber) {
        return desk.one(EnterpriseDesk.creditCodeOf(identity), number(trackingNumber), actor())
                .map(RestResponse::ok);
    }

    @POST
    @Path("{trackingNumber}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record the outcome: SETTLED with the agreement, or NOT_SETTLED with the reason",
            description = "Once, within the 10 working days (409 after that, or when already answered). A settlement"
                    + " waits for the citizen to confirm or dispute it; NOT_SETTLED sends the complaint to the market"
                    + " regulator at once. Answers the complaint as it now stands, without the contact (GET it to"
                    + " read the contact again; each read is audited).")
    public Uni<RestResponse<EnterpriseComplaint>> respond(
            @PathParam("trackingNumber") String trackingNumber, @NotNull @Valid EnterpriseResponse response) {
        return desk.respond(EnterpriseDesk.creditCodeOf(identity), number(trackingNumber), response, actor())
                .map(RestResponse::ok);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String number(String trackingNumber) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() > 20) {
            throw ProblemException.notFound("No complaint sent to your enterprise has this tracking number.");
        }
        return number;
    }
}
