package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.idempotency.IdempotencyKey;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.throttle.ClientAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The front door for complaints and reports. */
@Path("/api/v1/complaints")
@Tag(name = "Intake")
public class IntakeResource {

    private final IntakeService intake;
    private final SecurityIdentity identity;
    private final WebIntakeThrottle throttle;
    private final ClientAddress clients;

    IntakeResource(IntakeService intake, SecurityIdentity identity, WebIntakeThrottle throttle, ClientAddress clients) {
        this.intake = intake;
        this.identity = identity;
        this.throttle = throttle;
        this.clients = clients;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit a complaint or a report",
            description = "WEB needs no login (anonymous callers: 20 submissions per address and hour, then 429 with"
                    + " Retry-After); hotline, letter, e-mail and walk-in channels need role operator."
                    + " Kind COMPLAINT_AND_REPORT registers two linked records and answers the complaint's"
                    + " receipt with the report's in `linked`.")
    public Uni<RestResponse<SubmissionReceipt>> submit(
            @Parameter(
                            description = "Up to 100 printable characters; a retry with the same key and body gets the"
                                    + " first answer, the same key with another body a 422")
                    @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyKey,
            @NotNull @Valid SubmissionRequest request,
            @Context HttpServerRequest http) {
        if (request.channel().needsOperator() && !identity.hasRole("operator")) {
            throw identity.isAnonymous()
                    ? new io.quarkus.security.UnauthorizedException()
                    : ProblemException.forbidden("Only operators register submissions on channel " + request.channel());
        }
        if (request.channel() == Channel.OPEN311) {
            throw ProblemException.invalid("channel", "OPEN311 requests go through /open311/v2/requests.json");
        }
        IdempotencyKey key = IdempotencyKey.ofHeader(idempotencyKey);
        if (!identity.isAnonymous()) {
            return created(intake.submit(request, identity.getPrincipal().getName(), key));
        }
        String client = clients.of(http);
        return created(throttle.checkOpen(client)
                .flatMap(open -> intake.submit(request, "", key))
                .call(receipt -> throttle.count(client)));
    }

    private static Uni<RestResponse<SubmissionReceipt>> created(Uni<SubmissionReceipt> submitted) {
        return submitted.map(receipt -> RestResponse.ResponseBuilder.<SubmissionReceipt>created(
                        URI.create("/api/v1/complaints/" + receipt.trackingNumber()))
                .entity(receipt)
                .build());
    }
}
