package cn.jxquality.complaint.evidence;

import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.throttle.ClientAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A record's evidence files: citizens (with the query code) and staff attach them; only staff list them. */
@Path("/api/v1/complaints/{trackingNumber}/evidence")
@Tag(name = "Evidence")
public class EvidenceResource {

    private final EvidenceService evidence;
    private final SecurityIdentity identity;
    private final ClientAddress clients;

    EvidenceResource(EvidenceService evidence, SecurityIdentity identity, ClientAddress clients) {
        this.evidence = evidence;
        this.identity = identity;
        this.clients = clients;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Attach evidence files (multipart, parts named 'file')",
            description = "Up to 10 files per record, 10 MB each; images, PDF, audio or video as their content shows"
                    + " (415 otherwise, or when the declared type disagrees). Citizens add a 'queryCode' part (a wrong"
                    + " one counts toward the status-lookup throttle); operators and supervisors need none.")
    public Uni<RestResponse<Attached>> attach(
            @PathParam("trackingNumber") String trackingNumber,
            @RestForm("queryCode") String queryCode,
            @RestForm("file") List<FileUpload> files,
            @Context HttpServerRequest http) {
        String number = normalised(trackingNumber);
        EvidenceService.Attacher attacher = attacher(queryCode, http);
        List<Upload> uploads = files == null
                ? List.of()
                : files.stream()
                        .map(f -> new Upload(f.fileName(), f.contentType(), f.size(), f.uploadedFile()))
                        .toList();
        return evidence.attach(number, attacher, uploads)
                .map(stored -> RestResponse.status(RestResponse.Status.CREATED, new Attached(number, stored)));
    }

    @GET
    @RolesAllowed({"operator", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a record's evidence files (staff)")
    public Uni<List<EvidenceInfo>> list(@PathParam("trackingNumber") String trackingNumber) {
        return evidence.list(normalised(trackingNumber));
    }

    /** The receipt of an upload. */
    public record Attached(String trackingNumber, List<EvidenceInfo> files) {}

    private EvidenceService.Attacher attacher(String queryCode, HttpServerRequest http) {
        if (identity.hasRole("operator") || identity.hasRole("supervisor")) {
            return new EvidenceService.Attacher(identity.getPrincipal().getName(), null, null);
        }
        if (queryCode == null || queryCode.isBlank() || queryCode.length() > 32) {
            throw ProblemException.invalid("queryCode", "is required (the code shown when the complaint was filed)");
        }
        return new EvidenceService.Attacher(null, queryCode, clients.of(http));
    }

    private static String normalised(String trackingNumber) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() > 20) {
            throw ProblemException.notFound("No complaint has this tracking number.");
        }
        return number;
    }
}
