package cn.jxquality.complaint.open311;

import cn.jxquality.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open311 GeoReport v2 in JSON and XML (by extension): services from our categories, requests onto the same
 * intake and status. Errors are the specification's error list ({@link GeoReportErrors}). Posting takes an API key;
 * reading does not (the specification's reads are public): a request is shown to anyone when its citizen consented to
 * publish it, and to the client that posted it in any case.
 */
@Path("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
@PermitAll
public class Open311Resource {

    private final ServiceCatalogue catalogue;
    private final Open311Service open311;
    private final Open311Clients clients;
    private final ObjectMapper json;

    Open311Resource(ServiceCatalogue catalogue, Open311Service open311, Open311Clients clients, ObjectMapper json) {
        this.catalogue = catalogue;
        this.open311 = open311;
        this.clients = clients;
        this.json = json;
    }

    @GET
    @Path("services.{format:json|xml}")
    @Operation(summary = "Service list: one service per second-level category")
    public Response services(@PathParam("format") String format) {
        return document(format, 200, "services", catalogue.services());
    }

    @GET
    @Path("services/{code}.{format:json|xml}")
    @Operation(summary = "Service definition: the attributes intake needs (enterprise, kind, region, …)")
    public Response definition(@PathParam("code") String code, @PathParam("format") String format) {
        return catalogue
                .definition(code)
                .map(d -> document(format, 200, "service_definition", d))
                .orElseThrow(() -> ProblemException.notFound("service_code " + code + " not found"));
    }

    @POST
    @Path("requests.{format:json|xml}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a service request (api_key required); the answer adds our query_code")
    public Uni<Response> create(@PathParam("format") String format, @BeanParam RequestForm form) {
        return Uni.createFrom()
                .deferred(() -> open311.create(client(form.apiKey), form)
                        .map(created -> document(format, 201, "service_requests", List.of(created))));
    }

    @GET
    @Path("requests.{format:json|xml}")
    @Operation(
            summary = "Requests, newest first, at most 1000: those published by their citizens, and with api_key the"
                    + " client's own; without ids or dates the last 90 days")
    public Uni<Response> requests(
            @PathParam("format") String format,
            @QueryParam("api_key") String apiKey,
            @QueryParam("service_request_id") String ids,
            @QueryParam("service_code") String serviceCode,
            @QueryParam("start_date") String start,
            @QueryParam("end_date") String end,
            @QueryParam("status") String status) {
        return Uni.createFrom().deferred(() -> {
            Optional<String> viewer = viewer(apiKey);
            String state =
                    status == null || status.isBlank() ? null : status.strip().toLowerCase(Locale.ROOT);
            if (state != null && !state.equals("open") && !state.equals("closed")) {
                throw ProblemException.invalid("status", "must be open or closed");
            }
            Instant from = Open311Service.instant(start, "start_date");
            Instant to = Open311Service.instant(end, "end_date");
            List<String> wanted = idList(ids);
            if (ids != null && !ids.isBlank() && wanted.isEmpty()) {
                return Uni.createFrom().item(document(format, 200, "service_requests", List.of()));
            }
            return open311.requests(viewer, wanted, blankToNull(serviceCode), from, to, state)
                    .map(found -> document(format, 200, "service_requests", found));
        });
    }

    @GET
    @Path("requests/{id}.{format:json|xml}")
    @Operation(summary = "One request: shown when its citizen published it, or to the client that posted it")
    public Uni<Response> request(
            @PathParam("id") String id, @PathParam("format") String format, @QueryParam("api_key") String apiKey) {
        return Uni.createFrom().deferred(() -> {
            Optional<String> viewer = viewer(apiKey);
            List<String> wanted = idList(id);
            if (wanted.size() != 1) {
                throw notFound(id);
            }
            return open311.requests(viewer, wanted, null, null, null, null).map(found -> {
                if (found.isEmpty()) {
                    throw notFound(id); // unknown, or not the viewer's to see: the same answer
                }
                return document(format, 200, "service_requests", found);
            });
        });
    }

    /** The client holding this key; 403 without one or for a wrong one. */
    private String client(String apiKey) {
        return clients.clientOf(apiKey)
                .orElseThrow(() -> ProblemException.forbidden("api_key was not provided or is invalid"));
    }

    /** Who reads: the client of a valid key, or the public without one; 403 for a wrong key. */
    private Optional<String> viewer(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                clients.clientOf(apiKey).orElseThrow(() -> ProblemException.forbidden("api_key is invalid")));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("service_request_id " + id + " not found");
    }

    /** The document in the requested format; {@code root} names the XML root element. */
    private Response document(String format, int status, String root, Object value) {
        return "xml".equals(format)
                ? Response.status(status)
                        .type(MediaType.TEXT_XML + ";charset=utf-8")
                        .entity(GeoReportXml.write(json, root, value))
                        .build()
                : Response.status(status)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(value)
                        .build();
    }

    private static List<String> idList(String ids) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ids.split(","))
                .map(s -> s.strip().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && s.length() <= 20)
                .limit(Open311Service.MAX_REQUESTS)
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
