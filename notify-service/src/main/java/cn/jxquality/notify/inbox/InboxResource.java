package cn.jxquality.notify.inbox;

import cn.jxquality.notify.notification.Addressee;
import cn.jxquality.notify.notification.RecipientKind;
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
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's in-app inbox: a department reads its own (claim {@code department_code}), an ODR enterprise its own
 * (claim {@code credit_code}), supervisors theirs.
 */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"department", "supervisor", "enterprise"})
@Tag(name = "Inbox")
public class InboxResource {

    static final String DEPARTMENT_CLAIM = "department_code";
    static final String ENTERPRISE_CLAIM = "credit_code";
    /** A unified social credit code: 18 characters of its alphabet (the check digit is the register's business). */
    static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    /** Whose inbox a caller reads. */
    private record Owner(RecipientKind kind, String recipient) {}

    private final Inbox inbox;
    private final SecurityIdentity identity;

    InboxResource(Inbox inbox, SecurityIdentity identity) {
        this.inbox = inbox;
        this.identity = identity;
    }

    @GET
    @Operation(
            summary = "In-app messages to the caller's department, enterprise or to supervisors, newest first;"
                    + " pass a page's next as after for the older ones")
    public Uni<Inbox.InboxPage> list(
            @QueryParam("trackingNumber") @Size(max = 20) String trackingNumber,
            @QueryParam("after") @Size(max = 200) String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Owner owner = owner();
        return inbox.of(owner.kind(), owner.recipient(), trackingNumber, after, limit);
    }

    /** A department or enterprise token without its code reads nothing rather than everything. */
    private Owner owner() {
        if (identity.hasRole("department")) {
            String code = claim(DEPARTMENT_CLAIM);
            if (code == null || code.isBlank()) {
                throw ProblemException.forbidden("The token names no department (claim department_code).");
            }
            return new Owner(RecipientKind.DEPARTMENT, code);
        }
        if (identity.hasRole("supervisor")) {
            return new Owner(RecipientKind.SUPERVISOR, Addressee.SUPERVISORS);
        }
        String creditCode = claim(ENTERPRISE_CLAIM);
        if (creditCode == null || !CREDIT_CODE.matcher(creditCode).matches()) {
            throw ProblemException.forbidden("The token names no enterprise (claim credit_code).");
        }
        return new Owner(RecipientKind.ENTERPRISE, creditCode);
    }

    private String claim(String name) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
        return claim instanceof JsonString text ? text.getString() : claim == null ? null : claim.toString();
    }
}
