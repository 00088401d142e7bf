package cn.jxquality.cases.calendar;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The official holiday calendars (DESIGN §4): an administrator loads a year's State Council calendar at run time,
 * without a restart, and the deadlines already running are recounted on it; supervisors see which years are still
 * provisional.
 */
@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendars")
public class CalendarResource {

    /** The seeds' format: the header {@code date,type,occasion}, then one row per holiday or make-up working day. */
    static final String CSV = "text/csv";

    private final OfficialCalendars calendars;
    private final SecurityIdentity identity;

    CalendarResource(OfficialCalendars calendars, SecurityIdentity identity) {
        this.calendars = calendars;
        this.identity = identity;
    }

    @PUT
    @Path("/{year}")
    @Consumes(CSV)
    @RolesAllowed("admin")
    @Operation(
            summary = "Load the year's official calendar (CSV: date,type,occasion); replaces an earlier load, recounts"
                    + " the running deadlines and notifies the supervisors of those that moved")
    public Uni<RestResponse<CalendarLoaded>> load(@PathParam("year") @Min(2000) @Max(2099) int year, String csv) {
        return calendars.load(year, csv, identity.getPrincipal().getName()).map(RestResponse::ok);
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    @Operation(
            summary = "The calendar's years, this one and the next included: official (seeds or loaded) or provisional")
    public Uni<RestResponse<List<CalendarYear>>> years() {
        return calendars.years(Instant.now()).map(RestResponse::ok);
    }
}
