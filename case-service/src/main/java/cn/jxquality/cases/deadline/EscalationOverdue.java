package cn.jxquality.cases.deadline;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code case.escalation-overdue.v1}: an escalation (督办) is still open after its own deadline; {@code
 * deadline} names the late step it is about. Schema in {@code events/}. No personal data.
 */
public record EscalationOverdue(
        UUID caseId,
        UUID complaintId,
        String trackingNumber,
        String kind,
        String departmentCode,
        String state,
        String deadline,
        UUID escalationId,
        Instant escalationDueAt,
        Instant occurredAt) {

    public static final String TYPE = "case.escalation-overdue.v1";
}
