package cn.jxquality.cases.odr;

import cn.jxquality.cases.statistics.StatsRange;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The supervisors' ODR statistics: how the enterprises answer the complaints sent to them first. */
@Path("/api/v1/stats/odr")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("supervisor")
@Tag(name = "Statistics")
public class OdrStatsResource {

    private final OdrStatistics statistics;

    OdrStatsResource(OdrStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Operation(
            summary = "Complaints sent to ODR enterprises first in the Beijing days (by the day sent), per enterprise,"
                    + " most lapsed first; default the last 30 days, at most 366")
    public Uni<RestResponse<OdrStats>> stats(@QueryParam("from") String from, @QueryParam("to") String to) {
        return statistics.stats(StatsRange.summary(from, to), Instant.now()).map(RestResponse::ok);
    }
}
