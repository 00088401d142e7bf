package cn.jxquality.cases.casefile;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A case as the department API shows it (DESIGN §10). Never carries the complainant's identity. */
public record CaseView(
        UUID id,
        String trackingNumber,
        String kind,
        String channel,
        String category,
        String regionCode,
        String subjectName,
        String subjectCreditCode,
        String departmentCode,
        String routingRuleId,
        CaseState state,
        String outcome,
        Map<String, Instant> deadlines,
        Instant receivedAt,
        Instant assignedAt,
        int version) {

    static CaseView of(CaseFile f) {
        return new CaseView(
                f.id,
                f.trackingNumber,
                f.kind,
                f.channel,
                f.category,
                f.regionCode,
                f.subjectName,
                f.subjectCreditCode,
                f.departmentCode,
                f.routingRuleId,
                f.state,
                f.outcome,
                Map.of(),
                f.receivedAt,
                f.assignedAt,
                f.version);
    }
}
