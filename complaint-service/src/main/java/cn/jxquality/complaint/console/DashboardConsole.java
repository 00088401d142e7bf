package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageFormats;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ServiceCall;
import cn.jxquality.complaint.page.Texts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/dashboard}: the province at a glance for supervisors: volume over time, by category, a map of the
 * 11 cities, on-time rate, satisfaction per department, the enterprises with most substantiated reports, risk alerts.
 * Every figure comes from case-service's statistics API, read with the supervisor's own token.
 */
@Path("/console/dashboard")
@FormPage
@RolesAllowed("supervisor")
@Produces(MediaType.TEXT_HTML)
public class DashboardConsole {

    /** The longest range case-service's statistics answer: a year and a day. */
    static final int MAX_DAYS = 366;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(
                Page page,
                LocalDate from,
                LocalDate to,
                boolean late,
                Dashboard figures,
                SupervisionClient.OdrStats odrStats);
    }

    private final ConsoleFrame frame;
    private final PageContext context;
    private final SupervisionClient stats;
    private final DashboardFigures figures;
    private final Texts texts;

    DashboardConsole(
            ConsoleFrame frame,
            PageContext context,
            @RestClient SupervisionClient stats,
            DashboardFigures figures,
            Texts texts) {
        this.frame = frame;
        this.context = context;
        this.stats = stats;
        this.figures = figures;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> dashboard(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("map") String map) {
        boolean late = "late".equals(map);
        LocalDate end = date(to, Instant.now().atZone(PageFormats.BEIJING).toLocalDate());
        LocalDate start = date(from, end.minusDays(29));
        if (start.isAfter(end)) {
            start = end.minusDays(29);
        }
        if (start.isBefore(end.minusDays(MAX_DAYS - 1))) {
            start = end.minusDays(MAX_DAYS - 1);
        }
        String bearer = frame.bearer();
        Uni<Dashboard> built = Uni.combine()
                .all()
                .unis(stats.summary(bearer, start, end), stats.totals(bearer, start, end), stats.riskAlerts(bearer, 20))
                .asTuple()
                .map(t -> figures.of(
                        t.getItem1(),
                        t.getItem2(),
                        t.getItem3(),
                        context.language(),
                        texts.bundle(ConsoleMessages.class, context.language()),
                        late));
        LocalDate shownFrom = start;
        // the ODR figures are a part of their own: without them the rest of the dashboard still shows
        Uni<SupervisionClient.OdrStats> odr = stats.odr(bearer, start, end)
                .ifNoItem()
                .after(java.time.Duration.ofSeconds(3))
                .fail()
                .onFailure()
                .recoverWithNull();
        return ServiceCall.call(built, "The dashboard")
                .flatMap(result -> odr.map(odrStats -> {
                    Page page = frame.page(ConsoleFrame.Entry.DASHBOARD);
                    TemplateInstance view = Templates.dashboard(page, shownFrom, end, late, result.answer(), odrStats)
                            .setLocale(page.lang().locale());
                    return PageResponse.of(result.refusal() == null ? 200 : 503, view);
                }));
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
