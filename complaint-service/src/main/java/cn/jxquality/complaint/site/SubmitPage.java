package cn.jxquality.complaint.site;

import cn.jxquality.complaint.intake.Channel;
import cn.jxquality.complaint.intake.WebIntakeThrottle;
import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormIntake;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ReceiptCookie;
import cn.jxquality.complaint.page.SubmissionForm;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.throttle.ClientAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code /}: a citizen submits a complaint or a report, with evidence, and is sent to the receipt. */
@Path("/")
@FormPage
@Produces(MediaType.TEXT_HTML)
public class SubmitPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(
                Page page,
                SubmissionForm form,
                Map<String, String> errors,
                IntakeOptions.Choices choices,
                Notice notice);
    }

    private final PageContext context;
    private final FormIntake intake;
    private final IntakeOptions options;
    private final WebIntakeThrottle throttle;
    private final ClientAddress clients;
    private final ReceiptCookie receipts;
    private final Texts texts;

    SubmitPage(
            PageContext context,
            FormIntake intake,
            IntakeOptions options,
            WebIntakeThrottle throttle,
            ClientAddress clients,
            ReceiptCookie receipts,
            Texts texts) {
        this.context = context;
        this.intake = intake;
        this.options = options;
        this.throttle = throttle;
        this.clients = clients;
        this.receipts = receipts;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> form() {
        return PageResponse.of(200, show(SubmissionForm.blank(UUID.randomUUID().toString()), new FieldErrors(), null));
    }

    /**
     * Checks everything before registering anything; a form with mistakes comes back filled in with each mistake next
     * to its field (400), a throttled address gets a clear notice (429), a registered one a 303 to its receipt.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> submit(
            @BeanParam SubmissionForm form,
            @RestForm("evidence") List<FileUpload> evidence,
            @Context HttpServerRequest http) {
        String client = clients.of(http);
        return intake.check(form, evidence, Channel.WEB, context.language())
                .flatMap(checked -> throttle.checkOpen(client)
                        .flatMap(open -> intake.register(checked, ""))
                        .call(registered -> throttle.count(client)))
                .map(registered -> {
                    receipts.set(context, ReceiptCookie.of(registered), "/receipt");
                    URI to = URI.create("/receipt/" + registered.receipt().trackingNumber());
                    return RestResponse.<TemplateInstance>seeOther(to);
                })
                .onFailure(FormIntake.InvalidForm.class)
                .recoverWithItem(e -> PageResponse.of(400, show(form, ((FormIntake.InvalidForm) e).errors(), null)))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> refused(form, (ProblemException) e));
    }

    private RestResponse<TemplateInstance> refused(SubmissionForm form, ProblemException e) {
        SiteMessages words = texts.bundle(SiteMessages.class, context.language());
        int status = e.problem().status();
        Notice notice = status == 429
                ? Notice.error(words.submit_throttled(Math.max(1, (e.retryAfterSeconds() + 59) / 60)))
                : Notice.error(words.submit_failed());
        return PageResponse.of(status, show(form, new FieldErrors(), notice), e.retryAfterSeconds());
    }

    private TemplateInstance show(SubmissionForm form, FieldErrors errors, Notice notice) {
        Page page = context.page();
        return Templates.form(page, form, errors.in(texts.common(page.lang())), options.in(page.lang()), notice)
                .setLocale(page.lang().locale());
    }
}
