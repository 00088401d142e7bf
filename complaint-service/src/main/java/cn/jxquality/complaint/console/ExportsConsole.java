package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Language;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageFormats;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.Texts;
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
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/exports}: a month's complaints or cases as a CSV file, for supervisors and auditors. Asking for one
 * starts a background job and opens its page, which shows the progress (refreshed by htmx every two seconds, a reload
 * without JavaScript) and, once done, the download. The member of staff can leave and come back: the job runs on, and
 * the list shows their exports of the past week. A job that stopped can be resumed from where it stopped.
 */
@Path("/console/exports")
@FormPage
@RolesAllowed({"supervisor", "auditor"})
@Produces(MediaType.TEXT_HTML)
public class ExportsConsole {

    static final int LISTED = 20;

    /** The earliest month an export may ask for. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2020, 1);

    /** What the form was filled in with, for showing it again with its errors. */
    public record Form(String kind, String month) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exports(
                Page page, List<ExportJobs.Job> jobs, Form form, Notice notice, Map<String, String> errors);

        static native TemplateInstance export(Page page, ExportJobs.Job job, Notice notice);
    }

    private final ConsoleFrame frame;
    private final PageContext context;
    private final ExportJobs jobs;
    private final Texts texts;

    ExportsConsole(ConsoleFrame frame, PageContext context, ExportJobs jobs, Texts texts) {
        this.frame = frame;
        this.context = context;
        this.jobs = jobs;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> exports() {
        String lastMonth = YearMonth.now(PageFormats.BEIJING).minusMonths(1).toString();
        return listPage(200, new Form("COMPLAINTS", lastMonth), null, new FieldErrors());
    }

    /** Starts an export of {@code kind} for {@code month} ({@code 2026-11}) and opens its page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> start(@RestForm String kind, @RestForm String month) {
        Form form = new Form(kind, month);
        FieldErrors errors = new FieldErrors();
        ExportJobs.Kind chosen = kind(kind, errors);
        YearMonth chosenMonth = month(month, errors);
        if (!errors.isEmpty()) {
            return listPage(400, form, null, errors);
        }
        return jobs.start(chosen, chosenMonth, frame.userName(), context.language(), frame.bearer())
                .map(job -> RestResponse.<TemplateInstance>seeOther(URI.create("/console/exports/" + job.id())))
                .onFailure(ExportJobs.AlreadyRunning.class)
                .recoverWithUni(() -> listPage(409, form, Notice.warning(words().export_already_running()), errors));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> export(@PathParam("id") UUID id) {
        return mine(id).map(job -> exportPage(200, job, null));
    }

    /** Goes on with a paused export, with the user's current sign-in. */
    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> resume(@PathParam("id") UUID id) {
        return jobs.resume(id, frame.userName(), frame.bearer()).flatMap(resumed -> {
            if (resumed.isPresent()) {
                return Uni.createFrom()
                        .item(RestResponse.<TemplateInstance>seeOther(URI.create("/console/exports/" + id)));
            }
            return mine(id).map(job -> exportPage(409, job, Notice.warning(words().export_not_resumed())));
        });
    }

    /**
     * The finished file (whatever the browser accepts); never cached, named after what it holds ({@code
     * cases-2026-11.csv}). Put together in memory from its chunks: a month of the province is some megabytes.
     */
    @GET
    @Path("/{id}/csv")
    @Produces(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<RestResponse<String>> file(@PathParam("id") UUID id) {
        return mine(id).flatMap(job -> {
            if (!job.done()) {
                throw ProblemException.conflict("The export " + id + " is not finished.");
            }
            return jobs.file(job)
                    .collect()
                    .in(ByteArrayOutputStream::new, ByteArrayOutputStream::writeBytes)
                    .map(out -> RestResponse.ResponseBuilder.ok(
                                    out.toString(StandardCharsets.UTF_8), "text/csv;charset=UTF-8")
                            .header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"")
                            .header("Cache-Control", "no-store")
                            .build());
        });
    }

    private Uni<ExportJobs.Job> mine(UUID id) {
        return jobs.find(id, frame.userName())
                .map(job -> job.orElseThrow(() -> ProblemException.notFound("No export " + id + ".")));
    }

    private Uni<RestResponse<TemplateInstance>> listPage(int status, Form form, Notice notice, FieldErrors errors) {
        Language language = context.language();
        return jobs.of(frame.userName(), LISTED).map(mine -> {
            Page page = frame.page(ConsoleFrame.Entry.EXPORTS);
            return PageResponse.of(
                    status,
                    Templates.exports(page, mine, form, notice, errors.in(texts.common(language)))
                            .setLocale(language.locale()));
        });
    }

    private RestResponse<TemplateInstance> exportPage(int status, ExportJobs.Job job, Notice notice) {
        Page page = frame.page(ConsoleFrame.Entry.EXPORTS);
        return PageResponse.of(
                status,
                Templates.export(page, job, notice).setLocale(page.lang().locale()));
    }

    private static ExportJobs.Kind kind(String kind, FieldErrors errors) {
        if (kind == null || kind.isBlank()) {
            errors.add(new FieldErrors.Problem("kind", FieldErrors.Kind.REQUIRED));
            return null;
        }
        try {
            return ExportJobs.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldErrors.Problem("kind", FieldErrors.Kind.CHOICE));
            return null;
        }
    }

    /** A month from {@link #FIRST_MONTH} to this one (Beijing time), written {@code 2026-11}. */
    private static YearMonth month(String month, FieldErrors errors) {
        if (month == null || month.isBlank()) {
            errors.add(new FieldErrors.Problem("month", FieldErrors.Kind.REQUIRED));
            return null;
        }
        try {
            YearMonth parsed = YearMonth.parse(month.strip());
            if (parsed.isBefore(FIRST_MONTH)) {
                errors.add(new FieldErrors.Problem("month", FieldErrors.Kind.MONTH));
                return null;
            }
            if (parsed.isAfter(YearMonth.from(LocalDate.now(PageFormats.BEIJING)))) {
                errors.add(new FieldErrors.Problem("month", FieldErrors.Kind.MONTH));
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            errors.add(new FieldErrors.Problem("month", FieldErrors.Kind.MONTH));
            return null;
        }
    }

    private JobMessages words() {
        return texts.bundle(JobMessages.class, context.language());
    }
}
