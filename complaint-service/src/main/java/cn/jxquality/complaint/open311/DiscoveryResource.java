package cn.jxquality.complaint.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Open311 service discovery: where the GeoReport v2 endpoint is, which specification, which formats. */
@Path("/open311")
@Tag(name = "Open311 GeoReport v2")
@PermitAll
public class DiscoveryResource {

    static final String CHANGESET = "2026-11-25T00:00:00Z";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final ObjectMapper json;

    DiscoveryResource(ObjectMapper json) {
        this.json = json;
    }

    /** The discovery document. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {}

    /** One endpoint of the discovery document. */
    public record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {}

    @GET
    @Path("discovery.{format:json|xml}")
    @Operation(summary = "Open311 service discovery")
    public Response discovery(@PathParam("format") String format, @Context UriInfo uri) {
        Discovery discovery = new Discovery(
                CHANGESET,
                "12365 / 12315 hotlines, Jiangxi provincial quality office",
                "API keys are issued by the provincial quality office",
                List.of(new Endpoint(
                        SPECIFICATION,
                        uri.getBaseUriBuilder().path("open311/v2").build().toString(),
                        CHANGESET,
                        "production",
                        List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_XML))));
        return "xml".equals(format)
                ? Response.ok(GeoReportXml.write(json, "discovery", discovery), MediaType.TEXT_XML + ";charset=utf-8")
                        .build()
                : Response.ok(discovery, MediaType.APPLICATION_JSON).build();
    }
}
