package cn.jxquality.complaint.console;

import cn.jxquality.complaint.odr.OdrHistory;
import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ServiceCall;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.complaint.search.ComplaintOverview;
import cn.jxquality.complaint.search.ComplaintSearch;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/cases/{id}}: one case as its department works it in the browser: the complaint's facts (never the
 * person), the deadlines, the audit trail, and a form for each action case-service offers the user now. Every action
 * goes to case-service with the user's token and the version the page showed; a page that went stale (412) is shown
 * again as the case now is, with the reason.
 */
@Path("/console/cases/{id}")
@FormPage
@RolesAllowed({"department", "supervisor"})
@Produces(MediaType.TEXT_HTML)
public class CaseConsole {

    /** What the case page shows; {@code errors} and {@code failed} belong to the action that came back refused. */
    public record View(
            CaseServiceClient.CaseItem item,
            CaseServiceClient.AllowedActions allowed,
            List<CaseServiceClient.CaseEvent> events,
            ComplaintOverview complaint,
            String departmentName,
            List<IntakeOptions.Option> departments,
            List<String> outcomes,
            OdrHistory.Entry odr) {

        public List<String> refusalGrounds() {
            return CaseActionForm.REFUSAL_GROUNDS;
        }

        public List<String> mediationGrounds() {
            return CaseActionForm.MEDIATION_ENDING_GROUNDS;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance caseFile(
                Page page, View view, IntakeOptions options, Notice notice, String failed, Map<String, String> errors);
    }

    private final ConsoleFrame frame;
    private final PageContext context;
    private final CaseServiceClient cases;
    private final ComplaintSearch complaints;
    private final IntakeOptions options;
    private final Texts texts;

    private final OdrHistory odr;

    CaseConsole(
            ConsoleFrame frame,
            PageContext context,
            @RestClient CaseServiceClient cases,
            ComplaintSearch complaints,
            IntakeOptions options,
            Texts texts,
            OdrHistory odr) {
        this.odr = odr;
        this.frame = frame;
        this.context = context;
        this.cases = cases;
        this.complaints = complaints;
        this.options = options;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        Notice notice = done != null && CaseActionForm.ACTIONS.contains(done) ? Notice.ok(words().done(done)) : null;
        return view(id).map(view -> page(200, view, notice, null, new FieldErrors()));
    }

    /** One action at the version the user saw: done (303 back here), refused (the page again, with why). */
    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> act(
            @PathParam("id") UUID id, @PathParam("action") String action, @BeanParam CaseActionForm form) {
        if (!CaseActionForm.ACTIONS.contains(action)) {
            throw ProblemException.notFound("No such case action.");
        }
        FieldErrors errors = new FieldErrors();
        Map<String, Object> body = form.body(action, errors);
        if (!errors.isEmpty()) {
            return view(id).map(view -> page(400, view, null, action, errors));
        }
        return ServiceCall.call(cases.act(frame.bearer(), form.ifMatch(), id, action, body), "A case action")
                .flatMap(result -> result.refusal() == null
                        ? Uni.createFrom()
                                .item(RestResponse.<TemplateInstance>seeOther(
                                        URI.create("/console/cases/" + id + "?done=" + action)))
                        : refused(id, action, result.refusal()));
    }

    private Uni<RestResponse<TemplateInstance>> refused(UUID id, String action, ServiceCall.Refusal refusal) {
        ConsoleMessages words = words();
        FieldErrors errors = new FieldErrors().addViolations(refusal.violations(), CaseActionForm::formField);
        Notice notice = switch (refusal.status()) {
            case 400 -> Notice.error(words.action_invalid());
            case 404 -> throw ProblemException.notFound("No case " + id + " is visible to you.");
            case 409 -> Notice.warning(words.action_conflict());
            case 412 -> Notice.warning(words.action_stale());
            default -> Notice.error(words.action_unavailable());
        };
        return view(id).map(view -> page(refusal.status(), view, notice, action, errors));
    }

    /** The case, what the user may do, its trail and the complaint's facts; 404 for a case the user may not see. */
    private Uni<View> view(UUID id) {
        String bearer = frame.bearer();
        return cases.get(bearer, id)
                .onFailure()
                .transform(e -> e instanceof jakarta.ws.rs.WebApplicationException w
                                && w.getResponse().getStatus() == 404
                        ? ProblemException.notFound("No case " + id + " is visible to you.")
                        : new ProblemException(cn.jxquality.platform.problem.Problem.of(
                                "unavailable", "Service unavailable", 503, "case-service did not answer.")))
                .flatMap(item -> cases.actions(bearer, id)
                        .flatMap(allowed -> cases.events(bearer, id)
                                .flatMap(events -> complaints
                                        .overview(item.trackingNumber())
                                        .flatMap(complaint -> odr.of(item.trackingNumber())
                                                .map(history -> new View(
                                                        item,
                                                        allowed,
                                                        events,
                                                        complaint,
                                                        options.departmentName(
                                                                item.departmentCode(), context.language()),
                                                        options.departments(context.language()),
                                                        CaseActionForm.outcomes(item.kind()),
                                                        history))))));
    }

    private RestResponse<TemplateInstance> page(
            int status, View view, Notice notice, String failed, FieldErrors errors) {
        Page page = frame.page(ConsoleFrame.Entry.CASES);
        return PageResponse.of(
                status,
                Templates.caseFile(page, view, options, notice, failed, errors.in(texts.common(page.lang())))
                        .setLocale(page.lang().locale()));
    }

    private ConsoleMessages words() {
        return texts.bundle(ConsoleMessages.class, context.language());
    }
}
