package cn.jxquality.cases.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Statistics for supervisors over a range of Beijing days ({@code from} and {@code to} inclusive). */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("supervisor")
@Tag(name = "Statistics")
public class StatsResource {

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
        StatsRange range = StatsRange.summary(from, to);
        return queries.summary(range.from(), range.to());
    }

    @GET
    @Path("/daily")
    @Operation(summary = "Counts by day x kind x category x region x department x outcome; at most 31 days")
    public Uni<List<StatsQueries.DailyCount>> daily(@QueryParam("from") String from, @QueryParam("to") String to) {
        StatsRange range = StatsRange.of(from, to, 1, MAX_DAILY_DAYS);
        return queries.daily(range.from(), range.to());
    }

    @GET
    @Path("/totals")
    @Operation(
            summary = "Province totals per Beijing day (received, decided, on time, ratings), one row a day, days"
                    + " without cases left out; at most 366 days, default the last 30")
    public Uni<List<StatsQueries.DayTotal>> totals(@QueryParam("from") String from, @QueryParam("to") String to) {
        StatsRange range = StatsRange.summary(from, to);
        return queries.totals(range.from(), range.to());
    }
}
