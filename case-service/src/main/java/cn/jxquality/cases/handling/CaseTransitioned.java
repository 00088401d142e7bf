package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseState;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the public lifecycle events on {@code case-events} ({@code case.accepted.v1}, {@code case.refused.v1},
 * {@code case.transferred.v1}, {@code case.mediation-started.v1}, {@code case.investigation-started.v1}, {@code
 * case.resolved.v1}, {@code case.closed.v1}); schema in {@code events/case.transition.v1.json}. {@code publicNote}
 * is the transition's note only when that note is {@code PUBLIC}. No personal data.
 */
public record CaseTransitioned(
        UUID caseId,
        UUID complaintId,
        String trackingNumber,
        String kind,
        String departmentCode,
        String previousDepartmentCode,
        CaseState state,
        String outcome,
        Instant occurredAt,
        String publicNote) {}
