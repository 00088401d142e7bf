package cn.jxquality.notify.inbox;

import cn.jxquality.notify.notification.Addressee;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's in-app inbox: a department reads its own (claim {@code department_code}), supervisors theirs. */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"department", "supervisor"})
@Tag(name = "Inbox")
public class InboxResource {

    static final String DEPARTMENT_CLAIM = "department_code";

    private final Inbox inbox;
    private final SecurityIdentity identity;

    InboxResource(Inbox inbox, SecurityIdentity identity) {
        this.inbox = inbox;
        this.identity = identity;
    }

    @GET
    @Operation(
            summary = "In-app messages to the caller's department (or to supervisors), newest first;"
                    + " pass a page's next as after for the older ones")
    public Uni<Inbox.InboxPage> list(
            @QueryParam("trackingNumber") @Size(max = 20) String trackingNumber,
            @QueryParam("after") @Size(max = 200) String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return inbox.of(recipient(), trackingNumber, after, limit);
    }

    /** A department token without its code reads nothing rather than everything. */
    private String recipient() {
        if (identity.hasRole("department")) {
            String code = departmentCode();
            if (code == null || code.isBlank()) {
                throw ProblemException.forbidden("The token names no department (claim department_code).");
            }
            return code;
        }
        return Addressee.SUPERVISORS;
    }

    private String departmentCode() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(DEPARTMENT_CLAIM) : null;
        return claim instanceof JsonString text ? text.getString() : claim == null ? null : claim.toString();
    }
}
