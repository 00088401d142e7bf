package cn.jxquality.complaint.console;

import cn.jxquality.complaint.evidence.EvidenceInfo;
import cn.jxquality.complaint.evidence.EvidenceService;
import cn.jxquality.complaint.intake.PlainText;
import cn.jxquality.complaint.intake.SubmissionRequest;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.search.ComplaintOverview;
import cn.jxquality.complaint.search.ComplaintSearch;
import cn.jxquality.complaint.status.PublicTimeline;
import cn.jxquality.complaint.status.StatusService;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

    private static final Pattern TRACKING_NUMBER = Pattern.compile("JX\\d{14}");

    /** Everything the page shows; {@code person} only once revealed, {@code caseFile} null when case-service had none. */
    public record View(
            ComplaintOverview complaint,
            String departmentName,
            List<PublicTimeline.Step> steps,
            List<EvidenceInfo> evidence,
            CaseFile caseFile,
            SubmissionRequest.Person person) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance complaint(Page page, View view, IntakeOptions options, String reason);
    }

    private final ConsoleFrame frame;
    private final PageContext context;
    private final ComplaintSearch search;
    private final StatusService status;
    private final EvidenceService evidence;
    private final CaseFiles cases;
    private final IntakeOptions options;

    ComplaintConsole(
            ConsoleFrame frame,
            PageContext context,
            ComplaintSearch search,
            StatusService status,
            EvidenceService evidence,
            CaseFiles cases,
            IntakeOptions options) {
        this.frame = frame;
        this.context = context;
        this.search = search;
        this.status = status;
        this.evidence = evidence;
        this.cases = cases;
        this.options = options;
    }

    @GET
    @Path("/complaints/{trackingNumber}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> complaint(@PathParam("trackingNumber") String trackingNumber) {
        return view(number(trackingNumber), null).map(view -> show(view, null));
    }

    /** Reveals the person: recorded in the identity audit with the user and the reason, in the read's transaction. */
    @POST
    @Path("/complaints/{trackingNumber}/identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> reveal(
            @PathParam("trackingNumber") String trackingNumber, @RestForm String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null
                && (why.length() > 500 || PlainText.problemIn(why, false).isPresent())) {
            why = null;
        }
        String number = number(trackingNumber);
        String audited = why;
        return search.detail(number, frame.userName(), audited)
                .flatMap(detail -> view(number, detail.person()))
                .map(view -> show(view, audited));
    }

    /** An evidence file, to staff only (the file is decrypted for the download, never cached). */
    @GET
    @Path("/evidence/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<Response> download(@PathParam("id") UUID id) {
        return evidence.download(id).map(EvidenceService.Download::asAttachment);
    }

    private Uni<View> view(String number, SubmissionRequest.Person person) {
        return search.overview(number)
                .flatMap(complaint -> status.steps(complaint.detail().id())
                        .flatMap(steps -> evidence.list(number)
                                .flatMap(files -> cases.of(number, frame.bearer())
                                        .map(caseFile -> new View(
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
                                                person)))));
    }

    private RestResponse<TemplateInstance> show(View view, String reason) {
        Page page = frame.page(ConsoleFrame.Entry.SEARCH);
        return PageResponse.of(
                200,
                Templates.complaint(page, view, options, reason)
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
