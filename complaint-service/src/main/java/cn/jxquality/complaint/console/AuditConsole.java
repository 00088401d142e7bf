package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ServiceCall;
import cn.jxquality.complaint.personal.IdentityAccessLog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/audit}: the auditors' read-only view of the trails. Without a tracking number, the latest staff
 * views of personal data; with one, everything recorded about that complaint: every read of its person (this
 * service's audit), its case's trail and its rewards' journals with who viewed the reporter (case-service, read with
 * the auditor's own token).
 */
@Path("/console/audit")
@FormPage
@RolesAllowed("auditor")
@Produces(MediaType.TEXT_HTML)
public class AuditConsole {

    static final int PAGE_SIZE = 50;
    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9-]{1,20}");

    /** One reward's journal and its identity views. */
    public record RewardTrail(
            RewardsClient.Reward reward, List<RewardsClient.Entry> events, List<RewardsClient.IdentityView> views) {}

    /** Everything recorded about one complaint; {@code caseEvents} null when it has no case (yet). */
    public record Trail(
            String trackingNumber,
            List<IdentityAccessLog.Entry> identityReads,
            List<CaseServiceClient.CaseEvent> caseEvents,
            List<RewardTrail> rewards) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(
                Page page, String trackingNumber, IdentityAccessLog.EntryPage recent, Trail trail, boolean unavailable);
    }

    private final ConsoleFrame frame;
    private final IdentityAccessLog identityReads;
    private final CaseServiceClient cases;
    private final RewardsClient rewards;

    AuditConsole(
            ConsoleFrame frame,
            IdentityAccessLog identityReads,
            @RestClient CaseServiceClient cases,
            @RestClient RewardsClient rewards) {
        this.frame = frame;
        this.identityReads = identityReads;
        this.cases = cases;
        this.rewards = rewards;
    }

    @GET
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> audit(
            @QueryParam("trackingNumber") String trackingNumber, @QueryParam("before") Long before) {
        String number = trackingNumber == null || trackingNumber.isBlank()
                ? null
                : trackingNumber.strip().toUpperCase(Locale.ROOT);
        if (number == null || !TRACKING_NUMBER.matcher(number).matches()) {
            return identityReads.staffViews(before, PAGE_SIZE).map(recent -> page(number, recent, null, false));
        }
        return identityReads
                .ofComplaint(number)
                .flatMap(reads -> ServiceCall.call(trailAt(number), "The audit trail")
                        .map(result -> page(
                                number,
                                null,
                                result.refusal() == null
                                        ? new Trail(
                                                number,
                                                reads,
                                                result.answer().caseEvents(),
                                                result.answer().rewards())
                                        : new Trail(number, reads, null, List.of()),
                                result.refusal() != null)));
    }

    /** case-service's side of the trail: the case's events and the rewards' journals, with the auditor's token. */
    private Uni<Trail> trailAt(String number) {
        String bearer = frame.bearer();
        Uni<List<CaseServiceClient.CaseEvent>> caseEvents = cases.byTrackingNumber(bearer, number, 1)
                .flatMap(found -> found.items().isEmpty()
                        ? Uni.createFrom().nullItem()
                        : cases.events(bearer, found.items().get(0).id()));
        Uni<List<RewardTrail>> rewardTrails = rewards.list(bearer, null, number, null, 10)
                .flatMap(list -> list.isEmpty()
                        ? Uni.createFrom().item(List.<RewardTrail>of())
                        : Uni.join()
                                .all(list.stream()
                                        .map(reward -> rewards.events(bearer, reward.id())
                                                .flatMap(events -> rewards.identityViews(bearer, reward.id())
                                                        .map(views -> new RewardTrail(reward, events, views))))
                                        .toList())
                                .andFailFast());
        return Uni.combine()
                .all()
                .unis(caseEvents, rewardTrails)
                .asTuple()
                .map(t -> new Trail(number, List.of(), t.getItem1(), t.getItem2()));
    }

    private RestResponse<TemplateInstance> page(
            String number, IdentityAccessLog.EntryPage recent, Trail trail, boolean unavailable) {
        Page page = frame.page(ConsoleFrame.Entry.AUDIT);
        return PageResponse.of(
                unavailable ? 503 : 200,
                Templates.audit(page, number, recent, trail, unavailable)
                        .setLocale(page.lang().locale()));
    }
}
