package cn.jxquality.cases.deadline;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code case.deadline-near.v1} (80 % of a deadline's span has passed) and {@code case.overdue.v1} (it
 * passed; the escalation opened with it and its own deadline are named); schemas in {@code events/}. No personal
 * data.
 */
public record DeadlineAlert(
        UUID caseId,
        UUID complaintId,
        String trackingNumber,
        String kind,
        String departmentCode,
        String state,
        String deadline,
        Instant dueAt,
        Instant occurredAt,
        UUID escalationId,
        Instant escalationDueAt) {

    public static final String NEAR = "case.deadline-near.v1";
    public static final String OVERDUE = "case.overdue.v1";
}
