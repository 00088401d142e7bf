package cn.jxquality.complaint.evidence;

import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff download evidence as an attachment, never rendered inline by the browser. */
@Path("/api/v1/evidence")
@Tag(name = "Evidence")
public class EvidenceDownloadResource {

    private final EvidenceService evidence;
    private final SecurityIdentity identity;

    EvidenceDownloadResource(EvidenceService evidence, SecurityIdentity identity) {
        this.evidence = evidence;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"operator", "supervisor"})
    @Operation(summary = "Download an evidence file (staff; every download is audited in identity_access_audit)")
    public Uni<Response> download(@PathParam("id") String id) {
        return evidence.download(parse(id), identity.getPrincipal().getName())
                .map(EvidenceService.Download::asAttachment);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No evidence file has this id.");
        }
    }
}
