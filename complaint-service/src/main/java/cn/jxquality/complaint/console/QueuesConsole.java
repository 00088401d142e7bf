package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Language;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ServiceCall;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/queues}: what waits for a supervisor. Triage: the cases routing could not place, each assigned from
 * the list with the version the page showed; escalations (督办): cases whose deadline ran out, with the escalation's
 * own deadline; failed notifications, re-sent one by one. Every read and every change goes to the service that owns it
 * with the supervisor's own token.
 */
@Path("/console/queues")
@FormPage
@RolesAllowed("supervisor")
@Produces(MediaType.TEXT_HTML)
public class QueuesConsole {

    static final int PAGE_SIZE = 25;

    /** case-service lists at most this many escalations at once. */
    static final int ESCALATIONS_SHOWN = 200;

    /** The notifications page lists this many recent bulk re-sends. */
    static final int RESEND_BATCHES_SHOWN = 5;

    /** notify-service's channels, for the bulk re-send's choice. */
    static final List<String> CHANNELS = List.of("SMS", "EMAIL", "WEBHOOK", "IN_APP");

    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9-]{1,20}");

    /** The triage queue, with the department each case's city suggests. */
    public record Triage(CaseServiceClient.CasePage cases, List<IntakeOptions.Option> departments) {

        /** The market regulator of the case's city ({@code 360100-AMR}) when there is one: most cases go there. */
        public String suggested(CaseServiceClient.CaseItem item) {
            if (item.regionCode() == null || item.regionCode().length() != 6) {
                return null;
            }
            String cityAmr = item.regionCode().substring(0, 4) + "00-AMR";
            return departments.stream()
                    .map(IntakeOptions.Option::value)
                    .filter(cityAmr::equals)
                    .findFirst()
                    .orElse(null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance triage(
                Page page,
                Triage triage,
                IntakeOptions options,
                Notice notice,
                UUID failed,
                Map<String, String> errors);

        static native TemplateInstance escalations(
                Page page, List<SupervisionClient.Escalation> escalations, IntakeOptions options, boolean more);

        static native TemplateInstance notifications(
                Page page,
                NotificationLogClient.NotificationPage failed,
                String trackingNumber,
                Notice notice,
                List<NotificationLogClient.ResendBatch> batches,
                List<String> channels);

        static native TemplateInstance resend(Page page, NotificationLogClient.ResendBatch batch);
    }

    private final ConsoleFrame frame;
    private final PageContext context;
    private final CaseServiceClient cases;
    private final SupervisionClient supervision;
    private final NotificationLogClient notifications;
    private final IntakeOptions options;
    private final Texts texts;

    QueuesConsole(
            ConsoleFrame frame,
            PageContext context,
            @RestClient CaseServiceClient cases,
            @RestClient SupervisionClient supervision,
            @RestClient NotificationLogClient notifications,
            IntakeOptions options,
            Texts texts) {
        this.frame = frame;
        this.context = context;
        this.cases = cases;
        this.supervision = supervision;
        this.notifications = notifications;
        this.options = options;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<Void> queues() {
        return RestResponse.seeOther(URI.create("/console/queues/triage"));
    }

    @GET
    @Path("/triage")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> triage(
            @QueryParam("after") String after, @QueryParam("assigned") String assigned) {
        Notice notice = assigned != null && TRACKING_NUMBER.matcher(assigned).matches()
                ? Notice.ok(words().triage_assigned(assigned))
                : null;
        return triagePage(after, 200, notice, null, new FieldErrors());
    }

    /** Assigns one case at the version the list showed: done, back to the queue; refused, the queue with why. */
    @POST
    @Path("/triage/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> assign(
            @PathParam("id") UUID id, @RestForm String version, @RestForm String departmentCode) {
        CaseActionForm form = new CaseActionForm();
        form.version = version;
        form.departmentCode = departmentCode;
        FieldErrors errors = new FieldErrors();
        if (departmentCode == null || departmentCode.isBlank()) {
            errors.add(new FieldErrors.Problem("departmentCode", FieldErrors.Kind.REQUIRED));
            return triagePage(null, 400, Notice.error(words().action_invalid()), id, errors);
        }
        return ServiceCall.call(
                        cases.act(frame.bearer(), form.ifMatch(), id, "assign", form.body("assign", errors)),
                        "An assignment")
                .flatMap(result -> {
                    if (result.refusal() == null) {
                        return Uni.createFrom()
                                .item(RestResponse.<TemplateInstance>seeOther(
                                        URI.create("/console/queues/triage?assigned="
                                                + URLEncoder.encode(
                                                        result.answer().trackingNumber(), StandardCharsets.UTF_8))));
                    }
                    ServiceCall.Refusal refusal = result.refusal();
                    FieldErrors refused = new FieldErrors().addViolations(refusal.violations(), field -> field);
                    return triagePage(null, refusal.status(), refusalNotice(refusal.status()), id, refused);
                });
    }

    @GET
    @Path("/escalations")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> escalations() {
        return ServiceCall.call(supervision.openEscalations(frame.bearer(), ESCALATIONS_SHOWN), "The escalations")
                .map(result -> {
                    Page page = frame.page(ConsoleFrame.Entry.QUEUES);
                    List<SupervisionClient.Escalation> open = result.answer();
                    return PageResponse.of(
                            result.refusal() == null ? 200 : 503,
                            Templates.escalations(page, open, options, open != null && open.size() == ESCALATIONS_SHOWN)
                                    .setLocale(page.lang().locale()));
                });
    }

    @GET
    @Path("/notifications")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> notifications(
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("after") String after,
            @QueryParam("resent") String resent) {
        Notice notice = resent != null ? Notice.ok(words().notification_resent()) : null;
        return notificationsPage(trackingNumber(trackingNumber), after, 200, notice);
    }

    /**
     * Re-sends one failed notification (notify-service gives it fresh tries); one no longer failed is left alone. Back
     * to the list the supervisor came from ({@code trackingNumber} its filter).
     */
    @POST
    @Path("/notifications/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> resend(@PathParam("id") UUID id, @RestForm String trackingNumber) {
        String filter = trackingNumber(trackingNumber);
        return ServiceCall.call(notifications.resend(frame.bearer(), id), "A re-send")
                .flatMap(result -> {
                    if (result.refusal() == null) {
                        return Uni.createFrom()
                                .item(RestResponse.<TemplateInstance>seeOther(
                                        URI.create("/console/queues/notifications?resent=" + id
                                                + (filter == null ? "" : "&trackingNumber=" + filter))));
                    }
                    int status = result.refusal().status();
                    Notice notice = status == 409 || status == 404
                            ? Notice.warning(words().notification_not_failed())
                            : Notice.error(words().queue_unavailable());
                    return notificationsPage(filter, null, status, notice);
                });
    }

    /**
     * The bulk re-send: every failed notification ({@code channel}'s only, unless blank) back in notify-service's queue
     * at once; the batch's page follows it.
     */
    @POST
    @Path("/notifications/resend-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> resendAll(@RestForm String channel) {
        String chosen = blankToNull(channel);
        if (chosen != null && !CHANNELS.contains(chosen)) {
            return notificationsPage(null, null, 400, Notice.error(words().action_invalid()));
        }
        return ServiceCall.call(notifications.resendAll(frame.bearer(), chosen), "A bulk re-send")
                .flatMap(result -> result.refusal() == null
                        ? Uni.createFrom()
                                .item(RestResponse.<TemplateInstance>seeOther(URI.create("/console/queues/resends/"
                                        + result.answer().id())))
                        : notificationsPage(
                                null,
                                null,
                                result.refusal().status() >= 500
                                        ? 503
                                        : result.refusal().status(),
                                Notice.error(jobWords().resend_unavailable())));
    }

    /** A bulk re-send's progress; refreshed by htmx while notifications of it are still waiting. */
    @GET
    @Path("/resends/{id}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> resend(@PathParam("id") UUID id) {
        return ServiceCall.call(notifications.resendBatch(frame.bearer(), id), "A bulk re-send")
                .map(result -> {
                    if (result.refusal() != null && result.refusal().status() == 404) {
                        throw ProblemException.notFound("No re-send batch " + id + ".");
                    }
                    Page page = frame.page(ConsoleFrame.Entry.QUEUES);
                    return PageResponse.of(
                            result.refusal() == null ? 200 : 503,
                            Templates.resend(page, result.answer())
                                    .setLocale(page.lang().locale()));
                });
    }

    private Uni<RestResponse<TemplateInstance>> triagePage(
            String after, int status, Notice notice, UUID failed, FieldErrors errors) {
        Language language = context.language();
        Uni<CaseServiceClient.CasePage> waiting =
                cases.list(frame.bearer(), "NEW", null, null, null, blankToNull(after), PAGE_SIZE);
        return ServiceCall.call(waiting, "The triage queue").map(result -> {
            Page page = frame.page(ConsoleFrame.Entry.QUEUES);
            Triage triage =
                    result.refusal() == null ? new Triage(result.answer(), options.departments(language)) : null;
            Notice shown = result.refusal() == null ? notice : Notice.error(words().queue_unavailable());
            return PageResponse.of(
                    result.refusal() == null ? status : 503,
                    Templates.triage(page, triage, options, shown, failed, errors.in(texts.common(language)))
                            .setLocale(language.locale()));
        });
    }

    private Uni<RestResponse<TemplateInstance>> notificationsPage(
            String trackingNumber, String after, int status, Notice notice) {
        Uni<NotificationLogClient.NotificationPage> failed =
                notifications.list(frame.bearer(), "FAILED", trackingNumber, blankToNull(after), PAGE_SIZE);
        Uni<List<NotificationLogClient.ResendBatch>> batches = notifications
                .resendBatches(frame.bearer(), RESEND_BATCHES_SHOWN)
                .onFailure()
                .recoverWithItem(List.of());
        return Uni.combine()
                .all()
                .unis(ServiceCall.call(failed, "The failed notifications"), batches)
                .with((result, recent) -> {
                    Page page = frame.page(ConsoleFrame.Entry.QUEUES);
                    Notice shown = result.refusal() == null ? notice : Notice.error(words().queue_unavailable());
                    return PageResponse.of(
                            result.refusal() == null ? status : 503,
                            Templates.notifications(page, result.answer(), trackingNumber, shown, recent, CHANNELS)
                                    .setLocale(page.lang().locale()));
                });
    }

    private Notice refusalNotice(int status) {
        ConsoleMessages words = words();
        return switch (status) {
            case 400 -> Notice.error(words.action_invalid());
            case 404, 409 -> Notice.warning(words.triage_taken());
            case 412 -> Notice.warning(words.action_stale());
            default -> Notice.error(words.action_unavailable());
        };
    }

    private JobMessages jobWords() {
        return texts.bundle(JobMessages.class, context.language());
    }

    private ConsoleMessages words() {
        return texts.bundle(ConsoleMessages.class, context.language());
    }

    /** A tracking number to filter by, upper case; anything that cannot be one is no filter. */
    private static String trackingNumber(String value) {
        String number = blankToNull(value);
        if (number == null) {
            return null;
        }
        number = number.toUpperCase(java.util.Locale.ROOT);
        return TRACKING_NUMBER.matcher(number).matches() ? number : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
