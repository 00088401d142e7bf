package cn.jxquality.cases.deadline;

import java.time.Instant;
import java.util.UUID;

/**
 * A running deadline that a newly loaded calendar moved: its case, the deadline's name ({@code acceptBy}, {@code
 * transferBy}, {@code verifyBy}; {@code escalation:<name>} for the own deadline of an escalation about it) and its due
 * time before and after. What the supervisors' notice ({@code case.deadlines-moved.v1}) lists; no personal data.
 */
public record MovedDeadline(
        UUID caseId, String trackingNumber, String departmentCode, String deadline, Instant from, Instant to) {

    /** The name under which an escalation's own deadline is listed. */
    static String escalationOf(String deadline) {
        return "escalation:" + deadline;
    }
}
