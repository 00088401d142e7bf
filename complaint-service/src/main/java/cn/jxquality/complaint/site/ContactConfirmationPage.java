package cn.jxquality.complaint.site;

import cn.jxquality.complaint.contact.ContactConfirmations;
import cn.jxquality.complaint.contact.ContactConfirmations.Medium;
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
 * {@code /confirm-contact}: the owner of a mobile or e-mail given on the web confirms it with the code its receipt
 * carried, and from then on hears how the complaint goes. The link in the receipt fills everything in; the citizen
 * only presses the button (a link alone, which a mail scanner may open, changes nothing).
 */
@Path("/confirm-contact")
@FormPage
@Produces(MediaType.TEXT_HTML)
public class ContactConfirmationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(
                Page page,
                String trackingNumber,
                String code,
                boolean email,
                Map<String, String> errors,
                Notice notice,
                boolean done);
    }

    private final PageContext context;
    private final ContactConfirmations confirmations;
    private final ClientAddress clients;
    private final Texts texts;

    ContactConfirmationPage(
            PageContext context, ContactConfirmations confirmations, ClientAddress clients, Texts texts) {
        this.context = context;
        this.confirmations = confirmations;
        this.clients = clients;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> form(
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("code") String code,
            @QueryParam("medium") String medium) {
        return show(
                200,
                TrackingNumberInput.clean(trackingNumber),
                shortened(code),
                mediumOf(medium),
                new FieldErrors(),
                null,
                false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> confirm(
            @RestForm String trackingNumber,
            @RestForm String code,
            @RestForm String medium,
            @Context HttpServerRequest http) {
        String number = TrackingNumberInput.clean(trackingNumber);
        String typed = shortened(code);
        Medium on = mediumOf(medium);
        FieldErrors errors = new FieldErrors();
        if (number.isEmpty()) {
            errors.add(new FieldErrors.Problem("trackingNumber", FieldErrors.Kind.REQUIRED));
        }
        if (typed.isEmpty()) {
            errors.add(new FieldErrors.Problem("code", FieldErrors.Kind.REQUIRED));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(show(400, number, typed, on, errors, null, false));
        }
        return confirmations
                .confirm(number, on, typed, clients.of(http))
                .map(confirmed -> show(200, number, typed, on, new FieldErrors(), null, true))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> refused(number, typed, on, (ProblemException) e));
    }

    private RestResponse<TemplateInstance> refused(String number, String code, Medium medium, ProblemException e) {
        SiteMessages words = texts.bundle(SiteMessages.class, context.language());
        Notice notice = e.problem().status() == 429
                ? Notice.error(words.status_throttled(Math.max(1, (e.retryAfterSeconds() + 59) / 60)))
                : Notice.error(words.confirm_not_found());
        return PageResponse.retryLater(
                show(e.problem().status(), number, code, medium, new FieldErrors(), notice, false),
                e.retryAfterSeconds());
    }

    private RestResponse<TemplateInstance> show(
            int status, String number, String code, Medium medium, FieldErrors errors, Notice notice, boolean done) {
        Page page = context.page();
        TemplateInstance view = Templates.confirm(
                        page, number, code, medium == Medium.EMAIL, errors.in(texts.common(page.lang())), notice, done)
                .setLocale(page.lang().locale());
        return PageResponse.of(status, view);
    }

    /** The e-mail's link says {@code medium=EMAIL}; anything else is the SMS's. */
    private static Medium mediumOf(String medium) {
        return "EMAIL".equalsIgnoreCase(medium == null ? "" : medium.strip()) ? Medium.EMAIL : Medium.SMS;
    }

    private static String shortened(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String stripped = code.strip();
        return stripped.length() > 16 ? stripped.substring(0, 16) : stripped;
    }
}
