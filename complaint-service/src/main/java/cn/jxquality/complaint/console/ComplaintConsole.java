package cn.jxquality.complaint.console;

import cn.jxquality.complaint.evidence.EvidenceInfo;
import cn.jxquality.complaint.evidence.EvidenceService;
import cn.jxquality.complaint.intake.SubmissionRequest;
import cn.jxquality.complaint.odr.OdrHistory;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.complaint.search.ComplaintOverview;
import cn.jxquality.complaint.search.ComplaintSearch;
import cn.jxquality.complaint.status.PublicTimeline;
import cn.jxquality.complaint.status.StatusService;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.text.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/complaints/{trackingNumber}}: one complaint as staff see it: the facts, the public timeline, the
 * case in case-service with its audit trail (read with the user's own token), the evidence, and the person only
 * after an audited "show identity" with a reason.
 */
@Path("/console")
@FormPage
@RolesAllowed({"operator", "supervisor"})
@Produces(MediaType.TEXT_HTML)
public class ComplaintConsole {

    private static final Pattern TRACKING_NUMBER = Pattern.compile("JX\\d{14,15}");

    /** Everything the page shows; {@code person} only once revealed, {@code caseFile} null when case-service had none. */
    public record View(
            ComplaintOverview complaint,
            String departmentName,
            List<PublicTimeline.Step> steps,
            List<EvidenceInfo> evidence,
            CaseFile caseFile,
            SubmissionRequest.Person person,
            OdrHistory.Entry odr) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance complaint(
                Page page, View view, IntakeOptions options, String reason, String reasonError);
    }

    private final ConsoleFrame frame;
    private final PageContext context;
    private final ComplaintSearch search;
    private final StatusService status;
    private final EvidenceService evidence;
    private final CaseFiles cases;
    private final IntakeOptions options;
    private final Texts texts;

    private final OdrHistory odr;

    ComplaintConsole(
            ConsoleFrame frame,
            PageContext context,
            ComplaintSearch search,
            StatusService status,
            EvidenceService evidence,
            CaseFiles cases,
            IntakeOptions options,
            Texts texts,
            OdrHistory odr) {
        this.odr = odr;
        this.frame = frame;
        this.context = context;
        this.search = search;
        this.status = status;
        this.evidence = evidence;
        this.cases = cases;
        this.options = options;
        this.texts = texts;
    }

    @GET
    @Path("/complaints/{trackingNumber}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> complaint(@PathParam("trackingNumber") String trackingNumber) {
        return view(number(trackingNumber), null).map(view -> show(200, view, null, null));
    }

    /**
     * Reveals the person: recorded in the identity audit with the user and the reason, in the read's transaction. The
     * reason is required: without one (or with markup, or over 500 characters) nothing is read and the form says why,
     * with 400, or 200 to htmx, which swaps only successful answers into the page.
     */
    @POST
    @Path("/complaints/{trackingNumber}/identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> reveal(
            @PathParam("trackingNumber") String trackingNumber,
            @RestForm String reason,
            @HeaderParam("HX-Request") String htmx) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        String number = number(trackingNumber);
        if (why == null || why.length() > 500 || PlainText.problemIn(why, false).isPresent()) {
            ConsoleMessages words = texts.bundle(ConsoleMessages.class, context.language());
            String error = why == null ? words.reveal_reason_required() : words.reveal_reason_invalid();
            return view(number, null).map(view -> show(htmx == null ? 400 : 200, view, null, error));
        }
        return search.detail(number, frame.userName(), why)
                .flatMap(detail -> view(number, detail.person()))
                .map(view -> show(200, view, why, null));
    }

    /** An evidence file, to staff only (the file is decrypted for the download, never cached). */
    @GET
    @Path("/evidence/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<Response> download(@PathParam("id") UUID id) {
        return evidence.download(id, frame.userName()).map(EvidenceService.Download::asAttachment);
    }

    private Uni<View> view(String number, SubmissionRequest.Person person) {
        return search.overview(number)
                .flatMap(complaint -> status.steps(complaint.detail().id())
                        .flatMap(steps -> evidence.list(number)
                                .flatMap(files -> cases.of(number, frame.bearer())
                                        .flatMap(caseFile -> odr.of(number)
                                                .map(history -> new View(
                                                        complaint,
                                                        options.departmentName(
                                                                caseFile.item() != null
                                                                        ? caseFile.item()
                                                                                .departmentCode()
                                                                        : complaint.departmentCode(),
                                                                context.language()),
                                                        steps,
                                                        files,
                                                        caseFile,
                                                        person,
                                                        history))))));
    }

    private RestResponse<TemplateInstance> show(int status, View view, String reason, String reasonError) {
        Page page = frame.page(ConsoleFrame.Entry.SEARCH);
        return PageResponse.of(
                status,
                Templates.complaint(page, view, options, reason, reasonError)
                        .setLocale(page.lang().locale()));
    }

    private static String number(String trackingNumber) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (!TRACKING_NUMBER.matcher(number).matches()) {
            throw ProblemException.notFound("No complaint has this tracking number.");
        }
        return number;
    }
}
