package cn.jxquality.complaint.open311;

import cn.jxquality.platform.problem.Problem;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open311 GeoReport v2 in JSON and XML (by extension): services from our categories, requests onto the same
 * intake and status. Errors are the specification's error list. Requests are read back only by the client
 * (API key) that posted them.
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
                .orElseGet(() -> errors(format, 404, "service_code " + code + " not found"));
    }

    @POST
    @Path("requests.{format:json|xml}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a service request (api_key required); the answer adds our query_code")
    public Uni<Response> create(@PathParam("format") String format, @BeanParam RequestForm form) {
        return guarded(format, () -> {
            String client = client(form.apiKey);
            return open311.create(client, form)
                    .map(created -> document(format, 201, "service_requests", List.of(created)));
        });
    }

    @GET
    @Path("requests.{format:json|xml}")
    @Operation(summary = "The client's own requests (api_key required), newest first, at most 1000")
    public Uni<Response> requests(
            @PathParam("format") String format,
            @QueryParam("api_key") String apiKey,
            @QueryParam("service_request_id") String ids,
            @QueryParam("service_code") String serviceCode,
            @QueryParam("start_date") String start,
            @QueryParam("end_date") String end,
            @QueryParam("status") String status) {
        return guarded(format, () -> {
            String client = client(apiKey);
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
            return open311.requests(client, wanted, blankToNull(serviceCode), from, to, state)
                    .map(found -> document(format, 200, "service_requests", found));
        });
    }

    @GET
    @Path("requests/{id}.{format:json|xml}")
    @Operation(summary = "One of the client's requests (api_key required)")
    public Uni<Response> request(
            @PathParam("id") String id, @PathParam("format") String format, @QueryParam("api_key") String apiKey) {
        return guarded(format, () -> {
            String client = client(apiKey);
            List<String> wanted = idList(id);
            if (wanted.size() != 1) {
                return Uni.createFrom().item(errors(format, 404, "service_request_id " + id + " not found"));
            }
            return open311.requests(client, wanted, null, null, null, null)
                    .map(found -> found.isEmpty()
                            ? errors(format, 404, "service_request_id " + id + " not found")
                            : document(format, 200, "service_requests", found));
        });
    }

    private String client(String apiKey) {
        return clients.clientOf(apiKey)
                .orElseThrow(() -> new ProblemException(
                        Problem.of("forbidden", "Forbidden", 403, "api_key was not provided or is invalid")));
    }

    /** Runs the handler, answering every problem as the specification's error list. */
    private Uni<Response> guarded(String format, Supplier<Uni<? extends Response>> handler) {
        return Uni.createFrom()
                .<Response>deferred(handler)
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> errors(format, e.problem()));
    }

    private Response errors(String format, Problem problem) {
        List<GeoReport.Error> errors = problem.violations() == null
                        || problem.violations().isEmpty()
                ? List.of(new GeoReport.Error(problem.status(), problem.detail()))
                : problem.violations().stream()
                        .map(v -> new GeoReport.Error(
                                problem.status(), Open311Service.OpenRequests.openName(v.field()) + " " + v.message()))
                        .toList();
        return document(format, problem.status(), "errors", errors);
    }

    private Response errors(String format, int status, String description) {
        return document(format, status, "errors", List.of(new GeoReport.Error(status, description)));
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
