package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.deadline.DeadlineWatch;
import java.time.Instant;

/** What a decided transition does to the case: its state, the decision's details, the deadlines, and its note. */
final class CaseEffects {

    private final CaseDeadlines deadlines;

    CaseEffects(CaseDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    void apply(CaseFile file, Transition transition, CaseCommand command, Instant now) {
        file.moveTo(transition.to(), now);
        switch (transition.action()) {
            case ACCEPT -> accept(file, now);
            case REFUSE -> file.refused(((CaseCommand.Refuse) command).ground().name());
            case RESOLVE -> resolve(file, ((CaseCommand.Resolve) command).resolution(), now);
            case CLOSE -> file.closed(now);
            case EXTEND -> extend(file, now);
            case REQUEST_MATERIALS -> file.waitingForMaterials(now);
            case MATERIALS_RECEIVED -> resume(file, now);
            default -> {
                // START and NOTE: the state (or nothing but the audit trail) changes
            }
        }
    }

    /** Places the case with a department and sets the deadlines that start there. */
    void assign(CaseFile file, String departmentCode, String ruleId, Instant now, boolean afterTransfer) {
        file.assignTo(departmentCode, ruleId, now, afterTransfer);
        deadlines.onAssigned(file.caseKind(), now, afterTransfer).forEach(file::setDeadline);
    }

    /** The audit note: what the system says about the step, then the client's own words. */
    String note(CaseFile file, Transition transition, CaseCommand command, String clientNote) {
        String own = switch (transition.action()) {
            case ASSIGN -> "Forwarded to the responsible department " + file.departmentCode();
            case ACCEPT -> "已受理 Accepted by " + file.departmentCode();
            case REFUSE ->
                "不予受理 Not accepted: " + ((CaseCommand.Refuse) command).ground().publicText();
            case START ->
                file.caseKind() == CaseKind.COMPLAINT ? "调解开始 Mediation started" : "核查开始 Verification started";
            case RESOLVE -> outcomeText(((CaseCommand.Resolve) command).resolution());
            case CLOSE -> "办结 Closed";
            case REQUEST_MATERIALS -> "补正材料 Please supply the missing materials";
            case MATERIALS_RECEIVED -> "材料已补正 The materials were received; handling continues";
            default -> null;
        };
        if (own == null || clientNote == null || clientNote.isBlank()) {
            return own == null ? clientNote : own;
        }
        return own + " — " + clientNote;
    }

    private void accept(CaseFile file, Instant now) {
        file.accepted(now);
        deadlines.onAccepted(file.caseKind(), now).forEach(file::setDeadline);
    }

    private static void resolve(CaseFile file, Resolution resolution, Instant now) {
        file.resolved(
                resolution.outcome().name(),
                resolution.ground() == null ? null : resolution.ground().name(),
                resolution.decisionNumber(),
                resolution.finesFen(),
                resolution.confiscationsFen(),
                now);
    }

    private void extend(CaseFile file, Instant now) {
        Instant verifyBy = file.verifyBy() != null
                ? file.verifyBy()
                : deadlines
                        .onReceipt(CaseKind.REPORT, file.receivedAt())
                        .get(CaseDeadlines.VERIFY_BY)
                        .due();
        file.setDeadline(CaseDeadlines.VERIFY_BY, deadlines.extendedVerification(verifyBy));
        file.verificationExtended(now);
    }

    /** The running deadlines move on by the time spent waiting; the others no longer matter. */
    private void resume(CaseFile file, Instant now) {
        Instant since = file.waitingForMaterialsSince();
        file.deadlines().forEach((name, due) -> {
            if (DeadlineWatch.runs(name, file.state(), true)) {
                file.setDeadline(name, deadlines.resumed(name, due, since, now));
            }
        });
        file.materialsReceived();
    }

    private static String outcomeText(Resolution resolution) {
        return switch (resolution.outcome()) {
            case MEDIATED -> "调解成功 Mediated: the parties reached an agreement";
            case MEDIATION_ENDED ->
                "终止调解 Mediation ended: " + resolution.ground().publicText();
            case WITHDRAWN -> "撤回投诉 Withdrawn by the complainant";
            case SUBSTANTIATED -> "举报属实 Substantiated: penalty decision " + resolution.decisionNumber();
            case UNSUBSTANTIATED -> "举报不实或不予立案 Not substantiated";
            case REFERRED_TO_JUDICIARY -> "移送司法机关 Referred to the judicial authorities";
        };
    }
}
