package cn.jxquality.cases.casefile;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code case.assigned.v1} (and {@code case.triage-needed.v1} with no department); schema in
 * {@code events/}. Names the department and the rule that decided, never a person.
 */
public record CaseAssigned(
        UUID caseId,
        UUID complaintId,
        String trackingNumber,
        String kind,
        String category,
        String regionCode,
        String departmentCode,
        String routingRuleId,
        CaseState state,
        Instant occurredAt,
        String publicNote) {

    public static final String TYPE = "case.assigned.v1";
    public static final String TRIAGE_TYPE = "case.triage-needed.v1";

    /** The case as routed (or sent to triage) at {@code at}. */
    public static CaseAssigned of(CaseFile file, Instant at, String publicNote) {
        return new CaseAssigned(
                file.id,
                file.complaintId,
                file.trackingNumber,
                file.kind,
                file.category,
                file.regionCode,
                file.departmentCode,
                file.routingRuleId,
                file.state,
                at,
                publicNote);
    }
}
