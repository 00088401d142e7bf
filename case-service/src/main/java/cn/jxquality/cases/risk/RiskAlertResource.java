package cn.jxquality.cases.risk;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervisors' risk alerts: complaints about one enterprise or category in one city far above their baseline. */
@Path("/api/v1/risk-alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "auditor"})
@Tag(name = "Risk alerts")
public class RiskAlertResource {

    private final RiskAlerts alerts;

    RiskAlertResource(RiskAlerts alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(summary = "Risk alerts, newest first; open=true (default) for those whose window is still current")
    public Uni<List<RiskAlert>> list(
            @QueryParam("open") @DefaultValue("true") boolean open,
            @QueryParam("cityCode") @Pattern(regexp = "\\d{6}") String cityCode,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return alerts.list(open, cityCode, limit);
    }
}
