package cn.jxquality.cases.casefile;

import cn.jxquality.platform.problem.ClientTime;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The department API: each department sees its own cases; supervisors and auditors see all. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"department", "supervisor", "auditor", "operator"})
@Tag(name = "Cases")
public class CaseResource {

    private final CaseQueries queries;
    private final SecurityIdentity identity;

    CaseResource(CaseQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List cases, newest first, keyset-paged")
    public Uni<CasePage> list(
            @QueryParam("state") CaseState state,
            @QueryParam("overdue") String overdue,
            @QueryParam("kind") @Size(max = 16) String kind,
            @QueryParam("category") @Size(max = 64) String category,
            @QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo,
            @QueryParam("trackingNumber") @Size(max = 20) String trackingNumber,
            @QueryParam("after") @Size(max = 200) String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        CaseQueries.Filter filter = new CaseQueries.Filter(
                state,
                flag("overdue", overdue),
                kind,
                category,
                ClientTime.instant("receivedFrom", receivedFrom),
                ClientTime.instant("receivedTo", receivedTo),
                trackingNumber,
                after,
                limit);
        return queries.list(Caller.of(identity), filter);
    }

    private static Boolean flag(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ProblemException.invalid(field, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One case; its ETag is the version to send back in If-Match")
    public Uni<RestResponse<CaseView>> get(@PathParam("id") UUID id) {
        return queries.get(Caller.of(identity), id)
                .map(CaseView::of)
                .map(view -> RestResponse.ResponseBuilder.ok(view)
                        .tag(new EntityTag(Integer.toString(view.version())))
                        .build());
    }
}
