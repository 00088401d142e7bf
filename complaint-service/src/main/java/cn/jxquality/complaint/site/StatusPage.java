package cn.jxquality.complaint.site;

import cn.jxquality.complaint.odr.SettlementAnswer;
import cn.jxquality.complaint.odr.Settlements;
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
import jakarta.validation.Validator;
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
                Page page,
                String trackingNumber,
                Map<String, String> errors,
                Notice notice,
                StatusView result,
                String queryCode,
                String comment);
    }

    private final PageContext context;
    private final StatusService status;
    private final ClientAddress clients;
    private final ReferenceData reference;
    private final Texts texts;
    private final Settlements settlements;
    private final Validator validator;

    StatusPage(
            PageContext context,
            StatusService status,
            ClientAddress clients,
            ReferenceData reference,
            Texts texts,
            Settlements settlements,
            Validator validator) {
        this.context = context;
        this.status = status;
        this.clients = clients;
        this.reference = reference;
        this.texts = texts;
        this.settlements = settlements;
        this.validator = validator;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance form(@QueryParam("trackingNumber") String trackingNumber) {
        return show(200, TrackingNumberInput.clean(trackingNumber), new FieldErrors(), null, null, null, null)
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
            return Uni.createFrom().item(show(400, number, errors, null, null, null, null));
        }
        return found(number, queryCode.strip(), clients.of(http), null);
    }

    /** The page's language link after an answer points here: the look-up form, as at {@code /status}. */
    @GET
    @Path("/settlement")
    @Operation(hidden = true)
    public TemplateInstance afterAnswer() {
        return form(null);
    }

    /**
     * The citizen's answer to a settlement, from the form the result shows: the query code is checked again (and
     * throttled) before anything changes; then the page shows the status as it now stands.
     */
    @POST
    @Path("/settlement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> settlement(
            @RestForm String trackingNumber,
            @RestForm String queryCode,
            @RestForm String accept,
            @RestForm String comment,
            @Context HttpServerRequest http) {
        String number = TrackingNumberInput.clean(trackingNumber);
        String code = queryCode == null ? "" : queryCode.strip();
        if (number.isEmpty() || code.isEmpty() || code.length() > 32) {
            return Uni.createFrom().item(show(400, number, new FieldErrors(), null, null, null, null));
        }
        boolean accepted = "true".equals(accept);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        String client = clients.of(http);
        SettlementAnswer answer = new SettlementAnswer(code, accepted, note);
        // the API's own rules; the code was checked above, so only the comment can be at fault
        FieldErrors errors = new FieldErrors().addConstraints(validator.validate(answer), field -> field);
        if (!errors.isEmpty()) {
            // nothing is recorded: the page shows the status again with the comment as typed and what is wrong with it
            return current(number, code, client)
                    .map(view -> show(400, number, errors, null, view, code, note))
                    .onFailure(ProblemException.class)
                    .recoverWithItem(e -> refused(number, (ProblemException) e));
        }
        SiteMessages words = texts.bundle(SiteMessages.class, context.language());
        return settlements
                .answer(number, answer, client)
                .flatMap(done ->
                        found(number, code, client, Notice.ok(accepted ? words.odr_confirmed() : words.odr_disputed())))
                .onFailure(e -> e instanceof ProblemException p && p.problem().status() == 409)
                .recoverWithUni(() -> found(number, code, client, Notice.warning(words.odr_nothing_to_answer())))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> refused(number, (ProblemException) e));
    }

    /** The status of {@code number} for whoever holds its code, with {@code notice} above it. */
    private Uni<RestResponse<TemplateInstance>> found(String number, String code, String client, Notice notice) {
        return current(number, code, client)
                .map(view -> show(200, number, new FieldErrors(), notice, view, code, null))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> refused(number, (ProblemException) e));
    }

    /** The status as it stands, for whoever holds the code (checked and throttled as every look-up is). */
    private Uni<StatusView> current(String number, String code, String client) {
        return status.lookup(new StatusLookup(number, code), client)
                .flatMap(timeline -> settlements.view(number).map(odr -> view(timeline, odr.orElse(null))));
    }

    private RestResponse<TemplateInstance> refused(String number, ProblemException e) {
        SiteMessages words = texts.bundle(SiteMessages.class, context.language());
        Long wait = e.retryAfterSeconds();
        Notice notice = e.problem().status() == 429
                ? Notice.error(words.status_throttled(Math.max(1, (wait + 59) / 60)))
                : Notice.error(words.status_not_found());
        return PageResponse.retryLater(
                show(e.problem().status(), number, new FieldErrors(), notice, null, null, null), wait);
    }

    private StatusView view(PublicTimeline timeline, Settlements.CitizenView odr) {
        Language language = context.language();
        String department = reference
                .department(timeline.departmentCode())
                .map(d -> language == Language.EN ? d.nameEn() : d.nameZh())
                .orElse(timeline.departmentCode());
        return StatusView.of(timeline, department, odr);
    }

    private RestResponse<TemplateInstance> show(
            int code,
            String number,
            FieldErrors errors,
            Notice notice,
            StatusView result,
            String queryCode,
            String comment) {
        Page page = context.page();
        TemplateInstance view = Templates.status(
                        page, number, errors.in(texts.common(page.lang())), notice, result, queryCode, comment)
                .setLocale(page.lang().locale());
        return PageResponse.of(code, view);
    }
}
