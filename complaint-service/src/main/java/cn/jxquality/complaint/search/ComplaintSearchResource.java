package cn.jxquality.complaint.search;

import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.text.PlainText;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators and supervisors find earlier complaints and open one with its person (audited). */
@Path("/api/v1/complaints")
@Tag(name = "Operator search")
public class ComplaintSearchResource {

    private final ComplaintSearch search;
    private final SecurityIdentity identity;

    ComplaintSearchResource(ComplaintSearch search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"operator", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Search complaints, newest first",
            description = "All parameters optional and combined with AND. `name` and `q` match substrings of the"
                    + " enterprise name and the description. Items show the mobile masked; `next` is the cursor"
                    + " for `after`.")
    public Uni<SearchPage> search(
            @QueryParam("mobile") String mobile,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("creditCode") String creditCode,
            @QueryParam("name") String name,
            @QueryParam("q") String q,
            @QueryParam("after") String after,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        return search.search(SearchCriteria.parse(mobile, trackingNumber, creditCode, name, q, after, limit));
    }

    @GET
    @Path("{trackingNumber}")
    @RolesAllowed({"operator", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Open a complaint with the decrypted person",
            description = "Every read of a person is recorded in identity_access_audit with the caller and `reason`,"
                    + " which is required.")
    public Uni<ComplaintDetail> detail(
            @PathParam("trackingNumber") String trackingNumber,
            @Parameter(
                            description = "Why the person is read (required), up to 500 characters; kept in the audit"
                                    + " trail",
                            required = true)
                    @QueryParam("reason")
                    String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "must say why the person is read; it is kept in the audit trail");
        }
        if (reason.length() > 500 || PlainText.problemIn(reason, false).isPresent()) {
            throw ProblemException.invalid("reason", "must be plain text of at most 500 characters");
        }
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (PlainText.problemIn(number, false).isPresent() || number.length() > 20) {
            throw ProblemException.notFound("No complaint has this tracking number.");
        }
        return search.detail(number, identity.getPrincipal().getName(), reason.strip());
    }
}
