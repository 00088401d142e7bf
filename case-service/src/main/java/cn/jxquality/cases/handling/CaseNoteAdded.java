package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseState;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code case.note-added.v1}: a note the department made {@code PUBLIC} for the citizen's timeline; {@code
 * state} is the case's current state (a note does not change it). Schema in {@code events/case.note-added.v1.json}.
 * Internal notes publish nothing. No personal data.
 */
public record CaseNoteAdded(
        UUID caseId,
        UUID complaintId,
        String trackingNumber,
        String kind,
        String departmentCode,
        String previousDepartmentCode,
        CaseState state,
        Instant occurredAt,
        String publicNote) {}
