package cn.jxquality.complaint.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * case-service's supervision API as the supervisors' pages read it, with the user's own token: statistics and risk
 * alerts for the dashboard, escalations for their queue.
 */
@RegisterRestClient(configKey = "case-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SupervisionClient {

    /** The summary of a range of Beijing days (case-service's {@code StatsSummary}). */
    record Summary(
            LocalDate from,
            LocalDate to,
            long received,
            long decided,
            Double onTimeRate,
            Integer medianHandlingDays,
            Double averageRating,
            Double satisfactionIndex,
            List<Group> byDepartment,
            List<Group> byCategory,
            List<Group> byRegion,
            List<Enterprise> mostSubstantiated) {}

    /** One department's, category's or region's figures. */
    record Group(
            String key,
            long received,
            long decided,
            Double onTimeRate,
            Double averageRating,
            Double satisfactionIndex) {}

    /** An enterprise by credit code and its substantiated reports. */
    record Enterprise(String creditCode, long substantiated) {}

    /** The province's counts of one Beijing day (days without cases are left out). */
    record DayTotal(LocalDate day, long received, long decided) {}

    /** A risk alert: one enterprise's or category's complaints in a city far above their baseline. */
    record RiskAlert(
            String creditCode,
            String category,
            String cityCode,
            Instant windowStart,
            Instant windowEnd,
            int count,
            double baselinePerWindow) {}

    /**
     * An open escalation (督办) opened by an overdue deadline, as the supervisors' queue shows it: the case, the
     * deadline it outran, the department, since when it is open and by when it must be answered; {@code overdueAt}
     * when it outran its own deadline too. (case-service's {@code EscalationView} says more.)
     */
    record Escalation(
            String trackingNumber,
            UUID caseId,
            String deadline,
            String departmentCode,
            Instant openedAt,
            Instant dueAt,
            Instant overdueAt) {}

    @GET
    @Path("/stats/summary")
    Uni<Summary> summary(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to);

    /** The ODR figures of a range of Beijing days (case-service's {@code OdrStats}). */
    record OdrStats(LocalDate from, LocalDate to, long referred, Double odrShare, List<OdrEnterprise> enterprises) {}

    /** What the dashboard shows of one ODR enterprise: its referrals, its rates, its lapses. */
    record OdrEnterprise(
            String name, String creditCode, long referred, Double settlementRate, Double onTimeRate, long lapsed) {}

    @GET
    @Path("/stats/odr")
    Uni<OdrStats> odr(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to);

    @GET
    @Path("/stats/totals")
    Uni<List<DayTotal>> totals(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to);

    @GET
    @Path("/risk-alerts")
    Uni<List<RiskAlert>> riskAlerts(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("limit") int limit);

    /** The open escalations, newest first. */
    @GET
    @Path("/escalations")
    Uni<List<Escalation>> openEscalations(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("limit") int limit);
}
