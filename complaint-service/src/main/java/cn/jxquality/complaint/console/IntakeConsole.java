package cn.jxquality.complaint.console;

import cn.jxquality.complaint.intake.Channel;
import cn.jxquality.complaint.intake.MainlandMobile;
import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormIntake;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ReceiptCookie;
import cn.jxquality.complaint.page.SubmissionForm;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.complaint.search.ComplaintSearch;
import cn.jxquality.complaint.search.SearchCriteria;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code /console/intake}: an operator registers a call while the caller is on the line. The caller's mobile comes
 * first and brings up their earlier complaints (and a likely duplicate); the form works by keyboard alone; the
 * receipt spells out the tracking number and the query code to read back.
 */
@Path("/console/intake")
@FormPage
@RolesAllowed("operator")
@Produces(MediaType.TEXT_HTML)
public class IntakeConsole {

    /** The channels an operator registers on. */
    static final List<Channel> CHANNELS =
            List.of(Channel.HOTLINE_12315, Channel.HOTLINE_12365, Channel.WALK_IN, Channel.LETTER, Channel.EMAIL);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(
                Page page,
                SubmissionForm form,
                Map<String, String> errors,
                IntakeOptions.Choices choices,
                List<Channel> channels);

        static native TemplateInstance caller(Page page, CallerHistory history);

        static native TemplateInstance receipt(Page page, String trackingNumber, ReceiptCookie.Receipt receipt);
    }

    private final ConsoleFrame frame;
    private final PageContext context;
    private final FormIntake intake;
    private final IntakeOptions options;
    private final ComplaintSearch search;
    private final ReceiptCookie receipts;
    private final Texts texts;

    IntakeConsole(
            ConsoleFrame frame,
            PageContext context,
            FormIntake intake,
            IntakeOptions options,
            ComplaintSearch search,
            ReceiptCookie receipts,
            Texts texts) {
        this.frame = frame;
        this.context = context;
        this.intake = intake;
        this.options = options;
        this.search = search;
        this.receipts = receipts;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> form() {
        SubmissionForm form = SubmissionForm.blank(UUID.randomUUID().toString());
        form.channel = Channel.HOTLINE_12315.name();
        return PageResponse.of(200, show(form, new FieldErrors()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> register(
            @BeanParam SubmissionForm form, @RestForm("evidence") List<FileUpload> evidence) {
        Channel channel = channel(form.channel);
        if (channel == null) {
            return Uni.createFrom()
                    .item(PageResponse.of(
                            400,
                            show(
                                    form,
                                    new FieldErrors()
                                            .add(new FieldErrors.Problem("channel", FieldErrors.Kind.CHOICE)))));
        }
        return intake.check(form, evidence, channel, context.language())
                .flatMap(checked -> intake.register(checked, frame.userName()))
                .map(registered -> {
                    String number = registered.receipt().trackingNumber();
                    receipts.set(context, ReceiptCookie.of(registered), "/console/intake/receipt");
                    return RestResponse.<TemplateInstance>seeOther(URI.create("/console/intake/receipt/" + number));
                })
                .onFailure(FormIntake.InvalidForm.class)
                .recoverWithItem(e -> PageResponse.of(400, show(form, ((FormIntake.InvalidForm) e).errors())));
    }

    /**
     * The caller's earlier complaints (newest first, the mobile's blind index) and which of them the one being typed
     * would repeat: same category and business within 30 days, which intake links as a duplicate.
     */
    @GET
    @Path("/caller")
    @Operation(hidden = true)
    public Uni<TemplateInstance> caller(
            @QueryParam("mobile") String mobile,
            @QueryParam("category") String category,
            @QueryParam("subjectName") String subjectName,
            @QueryParam("creditCode") String creditCode) {
        Page page = context.page();
        var normalised = mobile == null ? java.util.Optional.<String>empty() : MainlandMobile.normalise(mobile);
        if (normalised.isEmpty()) {
            return Uni.createFrom()
                    .item(Templates.caller(page, null).setLocale(page.lang().locale()));
        }
        SearchCriteria criteria = SearchCriteria.parse(normalised.get(), null, null, null, null, null, "10");
        return search.search(criteria)
                .map(found -> CallerHistory.of(found.items(), category, subjectName, creditCode, options, page.lang()))
                .map(history ->
                        Templates.caller(page, history).setLocale(page.lang().locale()));
    }

    /** The receipt to read back to the caller; the query code only while this browser holds the fresh receipt. */
    @GET
    @Path("/receipt/{trackingNumber}")
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> receipt(@PathParam("trackingNumber") String trackingNumber) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        Page page = frame.page(ConsoleFrame.Entry.INTAKE);
        var receipt = receipts.get(context, number).orElse(null);
        return PageResponse.of(
                200,
                Templates.receipt(page, number, receipt).setLocale(page.lang().locale()));
    }

    private TemplateInstance show(SubmissionForm form, FieldErrors errors) {
        Page page = frame.page(ConsoleFrame.Entry.INTAKE);
        return Templates.form(page, form, errors.in(texts.common(page.lang())), options.in(page.lang()), CHANNELS)
                .setLocale(page.lang().locale());
    }

    private static Channel channel(String value) {
        return CHANNELS.stream().filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }
}
