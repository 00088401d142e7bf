package cn.jxquality.complaint.contact;

import cn.jxquality.platform.throttle.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A citizen confirms the mobile or e-mail given with a web or Open311 complaint, so that it hears about it. */
@Path("/api/v1/complaints/{trackingNumber}/contact-confirmations")
@Tag(name = "Public status")
public class ContactConfirmationResource {

    private final ContactConfirmations confirmations;
    private final ClientAddress clients;

    ContactConfirmationResource(ContactConfirmations confirmations, ClientAddress clients) {
        this.confirmations = confirmations;
        this.clients = clients;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Confirm the mobile (SMS) or e-mail (EMAIL) of a web or Open311 complaint with the code its"
                    + " receipt carried",
            description = "204, also when confirmed before. Until then that address hears only the receipt. An"
                    + " unknown number, a complaint whose contact needs no confirmation and a wrong code all answer"
                    + " 404 and count toward the status-lookup throttle (429 with Retry-After).")
    public Uni<RestResponse<Void>> confirm(
            @PathParam("trackingNumber") String trackingNumber,
            @NotNull @Valid ContactConfirmationRequest request,
            @Context HttpServerRequest http) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() > 20) {
            throw ContactConfirmations.notFound();
        }
        return confirmations
                .confirm(number, request.medium(), request.code(), clients.of(http))
                .replaceWith(RestResponse.noContent());
    }
}
