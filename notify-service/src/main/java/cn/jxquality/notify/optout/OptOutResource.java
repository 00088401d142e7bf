package cn.jxquality.notify.optout;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: a citizen stops messages about one complaint with the opt-out code every message carries. */
@Path("/api/v1/opt-outs")
@PermitAll
@Tag(name = "Opt-out")
public class OptOutResource {

    private final OptOuts optOuts;

    OptOutResource(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stop SMS and e-mail about a complaint (tracking number + opt-out code); idempotent")
    public Uni<Response> optOut(@Valid @NotNull OptOutRequest request) {
        return optOuts.optOut(request).map(v -> Response.noContent().build());
    }
}
