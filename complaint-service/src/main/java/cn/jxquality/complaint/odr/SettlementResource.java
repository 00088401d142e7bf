package cn.jxquality.complaint.odr;

import cn.jxquality.platform.problem.ProblemException;
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

/** The citizen's answer to a settlement an ODR enterprise reported. */
@Path("/api/v1/complaints/{trackingNumber}/settlement-answer")
@Tag(name = "ODR")
public class SettlementResource {

    private final Settlements settlements;
    private final ClientAddress clients;

    SettlementResource(Settlements settlements, ClientAddress clients) {
        this.settlements = settlements;
        this.clients = clients;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Confirm or dispute the settlement the enterprise reported, proven by the query code",
            description = "204. A dispute sends the complaint to the market regulator. 409 when no settlement waits"
                    + " for an answer; an unknown number and a wrong code both answer 404 and count toward the"
                    + " status-lookup throttle (429 with Retry-After).")
    public Uni<RestResponse<Void>> answer(
            @PathParam("trackingNumber") String trackingNumber,
            @NotNull @Valid SettlementAnswer answer,
            @Context HttpServerRequest http) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() > 20) {
            throw ProblemException.notFound("No complaint matches this tracking number and query code.");
        }
        return settlements.answer(number, answer, clients.of(http)).map(done -> RestResponse.noContent());
    }
}
