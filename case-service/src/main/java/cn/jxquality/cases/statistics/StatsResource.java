package cn.jxquality.cases.statistics;

import cn.jxquality.platform.problem.ClientTime;
import cn.jxquality.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Statistics for supervisors over a range of Beijing days ({@code from} and {@code to} inclusive). */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("supervisor")
@Tag(name = "Statistics")
public class StatsResource {

    static final int MAX_SUMMARY_DAYS = 366;
    static final int MAX_DAILY_DAYS = 31;

    private final StatsQueries queries;

    StatsResource(StatsQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/summary")
    @Operation(
            summary =
                    "Totals, on-time rate, median handling time, satisfaction and breakdowns; default the last 30 days")
    public Uni<StatsSummary> summary(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = ClientTime.date("to", to, CaseStatistics.day(Instant.now()));
        LocalDate start = ClientTime.date("from", from, end.minusDays(29));
        checkRange(start, end, MAX_SUMMARY_DAYS);
        return queries.summary(start, end);
    }

    @GET
    @Path("/daily")
    @Operation(summary = "Counts by day x kind x category x region x department x outcome; at most 31 days")
    public Uni<List<StatsQueries.DailyCount>> daily(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = ClientTime.date("to", to, CaseStatistics.day(Instant.now()));
        LocalDate start = ClientTime.date("from", from, end);
        checkRange(start, end, MAX_DAILY_DAYS);
        return queries.daily(start, end);
    }

    @GET
    @Path("/totals")
    @Operation(
            summary = "Province totals per Beijing day (received, decided, on time, ratings), one row a day, days"
                    + " without cases left out; at most 366 days, default the last 30")
    public Uni<List<StatsQueries.DayTotal>> totals(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = ClientTime.date("to", to, CaseStatistics.day(Instant.now()));
        LocalDate start = ClientTime.date("from", from, end.minusDays(29));
        checkRange(start, end, MAX_SUMMARY_DAYS);
        return queries.totals(start, end);
    }

    private static void checkRange(LocalDate from, LocalDate to, int maxDays) {
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw ProblemException.invalid("to", "the range may span at most " + maxDays + " days");
        }
    }
}
