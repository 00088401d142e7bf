package cn.jxquality.complaint.console;

import cn.jxquality.complaint.odr.EnterpriseComplaint;
import cn.jxquality.complaint.odr.EnterpriseComplaintPage;
import cn.jxquality.complaint.odr.EnterpriseDesk;
import cn.jxquality.complaint.odr.EnterpriseResponse;
import cn.jxquality.complaint.odr.OdrState;
import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.text.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/enterprise}: an ODR enterprise's desk in the console (DESIGN §4). Its complaints, newest first,
 * filtered by state; one complaint with what the citizen agreed to share; and its outcome, settled with what was
 * agreed or not settled with why, once, within the 10 working days. The same rules as the enterprise API
 * ({@link EnterpriseDesk}): another enterprise's complaint is 404.
 */
@Path("/console/enterprise")
@FormPage
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class EnterpriseConsole {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Page page, EnterpriseComplaintPage results, String state, List<OdrState> states, IntakeOptions options);

        static native TemplateInstance complaint(
                Page page,
                EnterpriseComplaint complaint,
                Notice notice,
                Map<String, String> errors,
                String outcome,
                String text,
                IntakeOptions options);
    }

    private final ConsoleFrame frame;
    private final EnterpriseDesk desk;
    private final SecurityIdentity identity;
    private final Texts texts;
    private final PageContext context;
    private final IntakeOptions options;

    EnterpriseConsole(
            ConsoleFrame frame,
            EnterpriseDesk desk,
            SecurityIdentity identity,
            Texts texts,
            PageContext context,
            IntakeOptions options) {
        this.options = options;
        this.frame = frame;
        this.desk = desk;
        this.identity = identity;
        this.texts = texts;
        this.context = context;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> list(@QueryParam("state") String state, @QueryParam("after") String after) {
        String wanted = state == null || state.isBlank() ? null : state.strip();
        if (wanted != null
                && Arrays.stream(OdrState.values()).noneMatch(s -> s.name().equals(wanted))) {
            throw ProblemException.invalid("state", "is not a state of an ODR complaint");
        }
        Page page = frame.page(ConsoleFrame.Entry.ENTERPRISE);
        return desk.list(EnterpriseDesk.creditCodeOf(identity), wanted, after, "50")
                .map(results -> Templates.list(page, results, wanted, List.of(OdrState.values()), options)
                        .setLocale(page.lang().locale()));
    }

    @GET
    @Path("/{trackingNumber}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> show(
            @PathParam("trackingNumber") String trackingNumber, @QueryParam("done") String done) {
        OdrMessages words = texts.bundle(OdrMessages.class, context.language());
        Notice notice = "1".equals(done) ? Notice.ok(words.recorded()) : null;
        return desk.one(EnterpriseDesk.creditCodeOf(identity), number(trackingNumber), frame.userName())
                .map(complaint -> page(200, complaint, notice, new FieldErrors(), null, null));
    }

    /** The outcome: recorded (303 back to the complaint), or the page again with what is missing or why not. */
    @POST
    @Path("/{trackingNumber}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> respond(
            @PathParam("trackingNumber") String trackingNumber, @RestForm String outcome, @RestForm String text) {
        String number = number(trackingNumber);
        String creditCode = EnterpriseDesk.creditCodeOf(identity);
        FieldErrors errors = new FieldErrors();
        EnterpriseResponse.Outcome chosen = null;
        try {
            chosen = outcome == null ? null : EnterpriseResponse.Outcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        String typed = text == null ? "" : text.strip();
        if (chosen == null) {
            errors.add(new FieldErrors.Problem("outcome", FieldErrors.Kind.CHOICE));
        }
        if (typed.isEmpty()) {
            errors.add(new FieldErrors.Problem("text", FieldErrors.Kind.REQUIRED));
        } else if (typed.length() > 2000) {
            errors.add(new FieldErrors.Problem("text", FieldErrors.Kind.TOO_LONG, 2000));
        } else if (PlainText.problemIn(typed, true).isPresent()) {
            errors.add(new FieldErrors.Problem("text", FieldErrors.Kind.PLAIN_TEXT));
        }
        if (!errors.isEmpty()) {
            return desk.one(creditCode, number, frame.userName())
                    .map(complaint -> page(400, complaint, null, errors, outcome, typed));
        }
        boolean settled = chosen == EnterpriseResponse.Outcome.SETTLED;
        EnterpriseResponse response = new EnterpriseResponse(chosen, settled ? typed : null, settled ? null : typed);
        return desk.respond(creditCode, number, response, frame.userName())
                .map(done -> RestResponse.<TemplateInstance>seeOther(
                        URI.create("/console/enterprise/" + number + "?done=1")))
                .onFailure(e -> e instanceof ProblemException p && p.problem().status() == 409)
                .recoverWithUni(e -> desk.one(creditCode, number, frame.userName())
                        .map(complaint -> page(
                                409,
                                complaint,
                                Notice.warning(((ProblemException) e).problem().detail()),
                                new FieldErrors(),
                                outcome,
                                typed)));
    }

    private RestResponse<TemplateInstance> page(
            int status, EnterpriseComplaint complaint, Notice notice, FieldErrors errors, String outcome, String text) {
        Page page = frame.page(ConsoleFrame.Entry.ENTERPRISE);
        TemplateInstance view = Templates.complaint(
                        page, complaint, notice, errors.in(texts.common(page.lang())), outcome, text, options)
                .setLocale(page.lang().locale());
        return PageResponse.of(status, view);
    }

    private static String number(String trackingNumber) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() > 20) {
            throw ProblemException.notFound("No complaint sent to your enterprise has this tracking number.");
        }
        return number;
    }
}
