package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Language;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ServiceCall;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.platform.problem.Problem;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/rewards}: the reward staff's desk (DESIGN §5). Reviewers propose rewards for the reports waiting for
 * one; approvers decide (never on their own proposal), finance approves the large ones and pays the claimed ones; the
 * reporter's identity is shown only after an explicit, audited reveal. Supervisors and auditors read along. Everything
 * goes to case-service with the user's own token and, for a decision, the version the page showed: case-service
 * enforces roles, four eyes and the state machine; the page only offers what would be allowed.
 */
@Path("/console/rewards")
@FormPage
@RolesAllowed({RewardsConsole.REVIEWER, RewardsConsole.APPROVER, RewardsConsole.FINANCE, "supervisor", "auditor"})
@Produces(MediaType.TEXT_HTML)
public class RewardsConsole {

    static final String REVIEWER = "reward-reviewer";
    static final String APPROVER = "reward-approver";
    static final String FINANCE = "finance";

    /** Rewards shown at once (case-service answers at most 200). */
    static final int LISTED = 100;

    /** Rewards per page of the list (case-service pages by proposal time and id). */
    static final int PAGE_SIZE = 50;

    static final List<String> STATES =
            List.of("PROPOSED", "APPROVED", "REJECTED", "NOTIFIED", "CLAIMED", "PAID", "EXPIRED");
    static final List<String> EXCLUSIONS =
            List.of("STAFF", "LEGAL_DUTY_TO_REPORT", "INFRINGED_PARTY", "VIOLATOR_NOT_INSIDER", "PAID_REPORTER");
    static final List<Integer> LEVELS = List.of(1, 2, 3);
    static final Set<String> DECISIONS = Set.of("approve", "reject", "payout");

    /** What the signed-in user may do on a reward now; mirrors case-service's rules, which decide. */
    public record Permissions(
            boolean approve, boolean asFinance, boolean reject, boolean pay, boolean reveal, boolean proposedByMe) {

        static Permissions of(ConsoleFrame user, RewardsClient.Reward reward) {
            String me = user.userName();
            // case-service lets a user holding both decide as approver (RewardStaff)
            boolean approver = user.hasRole(APPROVER);
            boolean finance = !approver && user.hasRole(FINANCE);
            boolean mine = me.equals(reward.proposer());
            List<String> allowed = reward.allowedActions() == null ? List.of() : reward.allowedActions();
            boolean approve = !mine
                    && ((approver && allowed.contains("APPROVE") && !me.equals(reward.financeApprover()))
                            || (finance && allowed.contains("APPROVE_AS_FINANCE") && !me.equals(reward.approver())));
            return new Permissions(
                    approve,
                    finance,
                    (approver || finance) && !mine && allowed.contains("REJECT"),
                    user.hasRole(FINANCE) && allowed.contains("PAY"),
                    user.hasRole(REVIEWER) || user.hasRole(APPROVER) || user.hasRole(FINANCE),
                    mine);
        }
    }

    /** One reward's page: the reward, its trail, what the user may do, and the identity once revealed. */
    public record RewardView(
            RewardsClient.Reward reward,
            List<RewardsClient.Entry> events,
            Permissions may,
            RewardsClient.ReporterIdentity identity) {}

    /** The rewards list's filters, as the next request repeats them. */
    public record Filters(String state, String trackingNumber) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rewards(
                Page page,
                Filters filters,
                List<RewardsClient.Reward> rewards,
                List<String> states,
                int listed,
                String next);

        static native TemplateInstance candidates(
                Page page, List<RewardsClient.Candidate> candidates, boolean mayPropose);

        static native TemplateInstance propose(
                Page page,
                RewardsClient.Candidate candidate,
                ProposalForm form,
                List<Integer> levels,
                List<String> exclusions,
                Notice notice,
                Map<String, String> errors);

        static native TemplateInstance reward(
                Page page, RewardView view, Notice notice, String failed, Map<String, String> errors);
    }

    private final ConsoleFrame frame;
    private final PageContext context;
    private final RewardsClient rewards;
    private final Texts texts;

    RewardsConsole(ConsoleFrame frame, PageContext context, @RestClient RewardsClient rewards, Texts texts) {
        this.frame = frame;
        this.context = context;
        this.rewards = rewards;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> list(
            @QueryParam("state") String state,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("before") String before) {
        Filters filters = new Filters(
                state != null && STATES.contains(state) ? state : null,
                trackingNumber == null || trackingNumber.isBlank()
                        ? null
                        : trackingNumber.strip().toUpperCase(Locale.ROOT));
        return ServiceCall.call(
                        rewards.list(
                                frame.bearer(),
                                filters.state(),
                                filters.trackingNumber(),
                                before == null || before.isBlank() ? null : before.strip(),
                                PAGE_SIZE),
                        "The rewards")
                .map(result -> {
                    Page page = frame.page(ConsoleFrame.Entry.REWARDS);
                    List<RewardsClient.Reward> listed = result.answer();
                    String next = listed != null && listed.size() == PAGE_SIZE
                            ? listed.get(PAGE_SIZE - 1).proposedAt() + "|"
                                    + listed.get(PAGE_SIZE - 1).id()
                            : null;
                    return PageResponse.of(
                            status(result),
                            Templates.rewards(page, filters, listed, STATES, PAGE_SIZE, next)
                                    .setLocale(page.lang().locale()));
                });
    }

    @GET
    @Path("/candidates")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> candidates() {
        return ServiceCall.call(rewards.candidates(frame.bearer(), LISTED), "The reward candidates")
                .map(result -> {
                    Page page = frame.page(ConsoleFrame.Entry.REWARDS);
                    return PageResponse.of(
                            status(result),
                            Templates.candidates(page, result.answer(), frame.hasRole(REVIEWER))
                                    .setLocale(page.lang().locale()));
                });
    }

    @GET
    @Path("/propose/{caseId}")
    @RolesAllowed(REVIEWER)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> proposal(@PathParam("caseId") UUID caseId) {
        return candidate(caseId)
                .map(candidate -> proposePage(200, candidate, new ProposalForm(), null, new FieldErrors()));
    }

    /** The reviewer's proposal: case-service computes the amount; done, the new reward's page; refused, the form again. */
    @POST
    @Path("/propose/{caseId}")
    @RolesAllowed(REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> propose(
            @PathParam("caseId") UUID caseId, @jakarta.ws.rs.BeanParam ProposalForm form) {
        FieldErrors errors = new FieldErrors();
        Map<String, Object> body = form.body(caseId, errors);
        if (!errors.isEmpty()) {
            return candidate(caseId)
                    .map(candidate ->
                            proposePage(400, candidate, form, Notice.error(words().action_invalid()), errors));
        }
        return ServiceCall.call(rewards.propose(frame.bearer(), body), "A reward proposal")
                .flatMap(result -> {
                    if (result.refusal() == null) {
                        return Uni.createFrom()
                                .item(RestResponse.<TemplateInstance>seeOther(URI.create(
                                        "/console/rewards/" + result.answer().id() + "?done=propose")));
                    }
                    ServiceCall.Refusal refusal = result.refusal();
                    FieldErrors refused = new FieldErrors().addViolations(refusal.violations(), field -> field);
                    Notice notice = switch (refusal.status()) {
                        case 400 -> Notice.error(words().action_invalid());
                        case 409 -> Notice.warning(words().reward_proposal_conflict(slug(refusal)));
                        case 403 -> Notice.error(words().reward_forbidden());
                        default -> Notice.error(words().action_unavailable());
                    };
                    return candidate(caseId)
                            .map(candidate -> proposePage(refusal.status(), candidate, form, notice, refused));
                });
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> reward(@PathParam("id") UUID id, @QueryParam("done") String done) {
        boolean known = done != null && ("propose".equals(done) || DECISIONS.contains(done));
        Notice notice = known ? Notice.ok(words().reward_done(done)) : null;
        return view(id, null).map(view -> rewardPage(200, view, notice, null, new FieldErrors()));
    }

    /** Approve, reject or pay at the version the page showed; case-service decides, the page says what happened. */
    @POST
    @Path("/{id}/{decision:approve|reject}")
    @RolesAllowed({APPROVER, FINANCE})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> decide(
            @PathParam("id") UUID id,
            @PathParam("decision") String decision,
            @RestForm String version,
            @RestForm String reason) {
        return act(id, decision, version, reason);
    }

    @POST
    @Path("/{id}/payout")
    @RolesAllowed(FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> pay(@PathParam("id") UUID id, @RestForm String version) {
        return act(id, "payout", version, null);
    }

    /**
     * Shows the reporter's identity on this answer only (never stored, never cached): case-service records the view
     * and complaint-service audits the read on the user's behalf; auditors see both.
     */
    @POST
    @Path("/{id}/identity")
    @RolesAllowed({REVIEWER, APPROVER, FINANCE})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> reveal(@PathParam("id") UUID id) {
        return ServiceCall.call(rewards.reporterIdentity(frame.bearer(), id), "A reporter identity view")
                .flatMap(result -> {
                    if (result.refusal() == null) {
                        return view(id, result.answer())
                                .map(view -> rewardPage(
                                        200,
                                        view,
                                        Notice.warning(words().reward_identity_audited()),
                                        null,
                                        new FieldErrors()));
                    }
                    Notice notice = result.refusal().status() == 403
                            ? Notice.error(words().reward_forbidden())
                            : Notice.error(words().action_unavailable());
                    return view(id, null)
                            .map(view -> rewardPage(result.refusal().status(), view, notice, null, new FieldErrors()));
                });
    }

    private Uni<RestResponse<TemplateInstance>> act(UUID id, String action, String version, String reason) {
        Map<String, Object> body = new HashMap<>();
        if ("reject".equals(action)) {
            if (reason == null || reason.isBlank()) {
                FieldErrors errors = new FieldErrors();
                errors.add(new FieldErrors.Problem("reason", FieldErrors.Kind.REQUIRED));
                return view(id, null)
                        .map(view -> rewardPage(400, view, Notice.error(words().action_invalid()), action, errors));
            }
            body.put("reason", reason.strip());
        }
        String ifMatch = "\"" + (version == null ? "" : version.strip()) + "\"";
        return ServiceCall.call(rewards.act(frame.bearer(), ifMatch, id, action, body), "A reward decision")
                .flatMap(result -> {
                    if (result.refusal() == null) {
                        return Uni.createFrom()
                                .item(RestResponse.<TemplateInstance>seeOther(
                                        URI.create("/console/rewards/" + id + "?done=" + action)));
                    }
                    ServiceCall.Refusal refusal = result.refusal();
                    ConsoleMessages words = words();
                    Notice notice = switch (refusal.status()) {
                        case 400 -> Notice.error(words.action_invalid());
                        case 403 -> Notice.error(words.reward_four_eyes());
                        case 404 -> throw ProblemException.notFound("No reward " + id + ".");
                        case 409 -> Notice.warning(words.reward_conflict());
                        case 412 -> Notice.warning(words.reward_stale());
                        default ->
                            "payout".equals(action)
                                    ? Notice.warning(words.reward_payout_unconfirmed())
                                    : Notice.error(words.action_unavailable());
                    };
                    FieldErrors errors = new FieldErrors().addViolations(refusal.violations(), field -> field);
                    int status = refusal.status() >= 500 ? 503 : refusal.status();
                    return view(id, null)
                            .map(view -> PageResponse.retryLater(
                                    rewardPage(status, view, notice, action, errors), refusal.retryAfterSeconds()));
                });
    }

    /** The reward with its trail and the user's permissions; 404 for an unknown reward. */
    private Uni<RewardView> view(UUID id, RewardsClient.ReporterIdentity identity) {
        String bearer = frame.bearer();
        return rewards.get(bearer, id)
                .onFailure()
                .transform(RewardsConsole::notFoundOrUnavailable)
                .flatMap(reward -> rewards.events(bearer, id)
                        .map(events -> new RewardView(reward, events, Permissions.of(frame, reward), identity)));
    }

    /** The waiting report {@code caseId}; 404 once it is proposed or no longer waits. */
    private Uni<RewardsClient.Candidate> candidate(UUID caseId) {
        return rewards.candidates(frame.bearer(), 200)
                .onFailure()
                .transform(RewardsConsole::notFoundOrUnavailable)
                .map(all -> all.stream()
                        .filter(c -> c.caseId().equals(caseId))
                        .findFirst()
                        .orElseThrow(
                                () -> ProblemException.notFound("No report " + caseId + " waits for a proposal.")));
    }

    private RestResponse<TemplateInstance> proposePage(
            int status, RewardsClient.Candidate candidate, ProposalForm form, Notice notice, FieldErrors errors) {
        Page page = frame.page(ConsoleFrame.Entry.REWARDS);
        Language language = page.lang();
        return PageResponse.of(
                status,
                Templates.propose(page, candidate, form, LEVELS, EXCLUSIONS, notice, errors.in(texts.common(language)))
                        .setLocale(language.locale()));
    }

    private RestResponse<TemplateInstance> rewardPage(
            int status, RewardView view, Notice notice, String failed, FieldErrors errors) {
        Page page = frame.page(ConsoleFrame.Entry.REWARDS);
        return PageResponse.of(
                status,
                Templates.reward(page, view, notice, failed, errors.in(texts.common(page.lang())))
                        .setLocale(page.lang().locale()));
    }

    private static Throwable notFoundOrUnavailable(Throwable e) {
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() == 404) {
            return ProblemException.notFound("No such reward.");
        }
        if (e instanceof ProblemException) {
            return e;
        }
        return new ProblemException(
                Problem.of("unavailable", "Service unavailable", 503, "case-service did not answer."));
    }

    private static int status(ServiceCall.Result<?> result) {
        return result.refusal() == null ? 200 : 503;
    }

    /** The problem's type without its base ({@code reward-first-reporter-undecided}), for the page's words. */
    private static String slug(ServiceCall.Refusal refusal) {
        String type =
                refusal.problem().type() == null ? "" : refusal.problem().type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private ConsoleMessages words() {
        return texts.bundle(ConsoleMessages.class, context.language());
    }
}
