package cn.jxquality.complaint.site;

import cn.jxquality.complaint.feedback.FeedbackReceipt;
import cn.jxquality.complaint.feedback.FeedbackRequest;
import cn.jxquality.complaint.feedback.FeedbackService;
import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.Texts;
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

/** {@code /rate}: the follow-up survey (回访) the SMS links to; 1 to 5 stars and a comment, proven by the query code. */
@Path("/rate")
@FormPage
@Produces(MediaType.TEXT_HTML)
public class RatingPage {

    /** What was typed, shown again when something needs fixing. */
    public record Typed(String trackingNumber, String rating, String comment) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rate(
                Page page, Typed typed, Map<String, String> errors, Notice notice, FeedbackReceipt done);
    }

    private final PageContext context;
    private final FeedbackService feedback;
    private final ClientAddress clients;
    private final Validator validator;
    private final Texts texts;

    RatingPage(PageContext context, FeedbackService feedback, ClientAddress clients, Validator validator, Texts texts) {
        this.context = context;
        this.feedback = feedback;
        this.clients = clients;
        this.validator = validator;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> form(@QueryParam("trackingNumber") String trackingNumber) {
        return show(
                200, new Typed(TrackingNumberInput.clean(trackingNumber), null, null), new FieldErrors(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> rate(
            @RestForm String trackingNumber,
            @RestForm String queryCode,
            @RestForm String rating,
            @RestForm String comment,
            @Context HttpServerRequest http) {
        Typed typed = new Typed(TrackingNumberInput.clean(trackingNumber), rating, comment);
        FieldErrors errors = new FieldErrors();
        if (typed.trackingNumber().isEmpty()) {
            errors.add(new FieldErrors.Problem("trackingNumber", FieldErrors.Kind.REQUIRED));
        }
        FeedbackRequest request = new FeedbackRequest(blankToNull(queryCode), stars(rating), blankToNull(comment));
        errors.addConstraints(validator.validate(request), field -> field);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(show(400, typed, errors, null, null));
        }
        String client = clients.of(http);
        return feedback.give(typed.trackingNumber(), request, client)
                .map(done -> show(201, typed, errors, null, done))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> refused(typed, (ProblemException) e));
    }

    private RestResponse<TemplateInstance> refused(Typed typed, ProblemException e) {
        SiteMessages words = texts.bundle(SiteMessages.class, context.language());
        String type = e.problem().type().toString();
        Notice notice;
        if (e.problem().status() == 429) {
            notice = Notice.error(words.status_throttled(Math.max(1, (e.retryAfterSeconds() + 59) / 60)));
        } else if (type.endsWith("feedback-not-open")) {
            notice = Notice.warning(words.rate_not_open());
        } else if (type.endsWith("feedback-already-given")) {
            notice = Notice.ok(words.rate_already());
        } else {
            notice = Notice.error(words.status_not_found());
        }
        return PageResponse.retryLater(
                show(e.problem().status(), typed, new FieldErrors(), notice, null), e.retryAfterSeconds());
    }

    private RestResponse<TemplateInstance> show(
            int code, Typed typed, FieldErrors errors, Notice notice, FeedbackReceipt done) {
        Page page = context.page();
        TemplateInstance view = Templates.rate(page, typed, errors.in(texts.common(page.lang())), notice, done)
                .setLocale(page.lang().locale());
        return PageResponse.of(code, view);
    }

    private static Integer stars(String rating) {
        try {
            return rating == null || rating.isBlank() ? null : Integer.valueOf(rating.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
