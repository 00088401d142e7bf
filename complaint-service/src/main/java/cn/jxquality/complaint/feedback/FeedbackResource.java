package cn.jxquality.complaint.feedback;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The public follow-up survey (回访): a citizen rates the handling of a resolved complaint. */
@Path("/api/v1/complaints/{trackingNumber}/feedback")
@Tag(name = "Public status")
public class FeedbackResource {

    private final FeedbackService feedback;
    private final ClientAddress clients;

    FeedbackResource(FeedbackService feedback, ClientAddress clients) {
        this.feedback = feedback;
        this.clients = clients;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rate the handling of a resolved complaint (1-5), proven by the query code",
            description = "201 once per record; 409 before resolution or when already rated. An unknown number and"
                    + " a wrong code both answer 404 and count toward the status-lookup throttle (429 with"
                    + " Retry-After).")
    public Uni<RestResponse<FeedbackReceipt>> give(
            @PathParam("trackingNumber") String trackingNumber,
            @NotNull @Valid FeedbackRequest request,
            @Context HttpServerRequest http) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() > 20) {
            throw FeedbackService.notFound();
        }
        return feedback.give(number, request, clients.of(http))
                .map(receipt -> RestResponse.status(RestResponse.Status.CREATED, receipt));
    }
}
