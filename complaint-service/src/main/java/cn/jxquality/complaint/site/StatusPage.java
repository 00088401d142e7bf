package cn.jxquality.complaint.site;

import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Language;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.complaint.reference.ReferenceData;
import cn.jxquality.complaint.status.PublicTimeline;
import cn.jxquality.complaint.status.StatusLookup;
import cn.jxquality.complaint.status.StatusService;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.throttle.ClientAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /status}: tracking number and query code open the public timeline in plain words, the department handling
 * it and the time limits that apply. The code travels in a POST, never in a URL.
 */
@Path("/status")
@FormPage
@Produces(MediaType.TEXT_HTML)
public class StatusPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(
                Page page, String trackingNumber, Map<String, String> errors, Notice notice, StatusView result);
    }

    private final PageContext context;
    private final StatusService status;
    private final ClientAddress clients;
    private final ReferenceData reference;
    private final Texts texts;

    StatusPage(PageContext context, StatusService status, ClientAddress clients, ReferenceData reference, Texts texts) {
        this.context = context;
        this.status = status;
        this.clients = clients;
        this.reference = reference;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance form(@QueryParam("trackingNumber") String trackingNumber) {
        return show(200, TrackingNumberInput.clean(trackingNumber), new FieldErrors(), null, null)
                .getEntity();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> lookup(
            @RestForm String trackingNumber, @RestForm String queryCode, @Context HttpServerRequest http) {
        String number = TrackingNumberInput.clean(trackingNumber);
        FieldErrors errors = new FieldErrors();
        if (number.isEmpty()) {
            errors.add(new FieldErrors.Problem("trackingNumber", FieldErrors.Kind.REQUIRED));
        }
        if (queryCode == null || queryCode.isBlank()) {
            errors.add(new FieldErrors.Problem("queryCode", FieldErrors.Kind.REQUIRED));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(show(400, number, errors, null, null));
        }
        String client = clients.of(http);
        return status.lookup(new StatusLookup(number, queryCode.strip()), client)
                .map(found -> show(200, number, errors, null, view(found)))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> refused(number, (ProblemException) e));
    }

    private RestResponse<TemplateInstance> refused(String number, ProblemException e) {
        SiteMessages words = texts.bundle(SiteMessages.class, context.language());
        Long wait = e.retryAfterSeconds();
        Notice notice = e.problem().status() == 429
                ? Notice.error(words.status_throttled(Math.max(1, (wait + 59) / 60)))
                : Notice.error(words.status_not_found());
        return PageResponse.retryLater(show(e.problem().status(), number, new FieldErrors(), notice, null), wait);
    }

    private StatusView view(PublicTimeline timeline) {
        Language language = context.language();
        String department = reference
                .department(timeline.departmentCode())
                .map(d -> language == Language.EN ? d.nameEn() : d.nameZh())
                .orElse(timeline.departmentCode());
        return StatusView.of(timeline, department);
    }

    private RestResponse<TemplateInstance> show(
            int code, String number, FieldErrors errors, Notice notice, StatusView result) {
        Page page = context.page();
        TemplateInstance view = Templates.status(page, number, errors.in(texts.common(page.lang())), notice, result)
                .setLocale(page.lang().locale());
        return PageResponse.of(code, view);
    }
}
