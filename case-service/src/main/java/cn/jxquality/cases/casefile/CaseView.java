package cn.jxquality.cases.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case as the department API shows it (DESIGN §10). Never carries the complainant's identity. {@code
 * deadlines} maps {@code acceptBy}, {@code transferBy}, {@code mediationEndsBy} and {@code verifyBy} (those set
 * so far) to the instant each is due; {@code provisionalDeadlines} names those counted on a year whose official
 * holiday calendar is not loaded yet.
 */
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
        String refusalGround,
        String outcomeGround,
        String decisionNumber,
        Long finesFen,
        Long confiscationsFen,
        Map<String, Instant> deadlines,
        List<String> provisionalDeadlines,
        Instant verificationExtendedAt,
        Instant waitingForMaterialsSince,
        Instant receivedAt,
        Instant assignedAt,
        Instant acceptedAt,
        Instant resolvedAt,
        Instant closedAt,
        Integer feedbackRating,
        int version) {

    public static CaseView of(CaseFile f) {
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
                f.refusalGround,
                f.outcomeGround,
                f.decisionNumber,
                f.finesFen,
                f.confiscationsFen,
                f.deadlines(),
                f.provisionalDeadlineNames(),
                f.verificationExtendedAt,
                f.waitingForMaterialsSince,
                f.receivedAt,
                f.assignedAt,
                f.acceptedAt,
                f.resolvedAt,
                f.closedAt,
                f.feedbackRating == null ? null : f.feedbackRating.intValue(),
                f.version);
    }
}
