package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ServiceCall;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/cases}: a department's worklist (its own cases only: case-service decides with the user's token),
 * or every case for a supervisor; filters in the URL, newest first, with the deadline each case runs against.
 */
@Path("/console/cases")
@FormPage
@RolesAllowed({"department", "supervisor"})
@Produces(MediaType.TEXT_HTML)
public class CasesConsole {

    static final int PAGE_SIZE = 25;

    /** The states a worklist can be filtered by (case-service's names). */
    static final java.util.List<String> STATES = java.util.List.of(
            "NEW", "ASSIGNED", "ACCEPTED", "IN_MEDIATION", "UNDER_INVESTIGATION", "RESOLVED", "NOT_ACCEPTED", "CLOSED");

    /** The worklist's filters, as typed and as the next page's link repeats them. */
    public record Filters(String state, String overdue, String kind, String trackingNumber) {

        public String query() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("state", state);
            values.put("overdue", overdue);
            values.put("kind", kind);
            values.put("trackingNumber", trackingNumber);
            return values.entrySet().stream()
                    .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cases(
                Page page,
                Filters filters,
                CaseServiceClient.CasePage results,
                boolean unavailable,
                IntakeOptions options,
                java.util.List<String> states);
    }

    private final ConsoleFrame frame;
    private final CaseServiceClient cases;
    private final IntakeOptions options;

    CasesConsole(ConsoleFrame frame, @RestClient CaseServiceClient cases, IntakeOptions options) {
        this.frame = frame;
        this.cases = cases;
        this.options = options;
    }

    @GET
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> worklist(
            @QueryParam("state") String state,
            @QueryParam("overdue") String overdue,
            @QueryParam("kind") String kind,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("after") String after) {
        Filters f = new Filters(state, "true".equals(overdue) ? "true" : null, kind, trackingNumber);
        Uni<CaseServiceClient.CasePage> page = cases.list(
                frame.bearer(),
                f.blankToNull(f.state()),
                f.overdue(),
                f.blankToNull(f.kind()),
                f.blankToNull(f.trackingNumber()),
                f.blankToNull(after),
                PAGE_SIZE);
        return ServiceCall.call(page, "The worklist").map(result -> {
            boolean unavailable = result.refusal() != null;
            int status = unavailable && result.refusal().status() == 400 ? 400 : 200;
            Page frame = this.frame.page(ConsoleFrame.Entry.CASES);
            return PageResponse.of(
                    status,
                    Templates.cases(frame, f, result.answer(), unavailable, options, STATES)
                            .setLocale(frame.lang().locale()));
        });
    }
}
