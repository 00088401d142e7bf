package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.casefile.CaseState;
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
        file.state = transition.to();
        file.updatedAt = now;
        switch (transition.action()) {
            case ACCEPT -> accept(file, now);
            case REFUSE -> {
                file.refusalGround = ((CaseCommand.Refuse) command).ground().name();
                file.waitingForMaterialsSince = null;
            }
            case RESOLVE -> {
                resolve(file, ((CaseCommand.Resolve) command).resolution(), now);
                file.waitingForMaterialsSince = null;
            }
            case CLOSE -> file.closedAt = now;
            case EXTEND -> extend(file, now);
            case REQUEST_MATERIALS -> file.waitingForMaterialsSince = now;
            case MATERIALS_RECEIVED -> resume(file, now);
            default -> {
                // START and NOTE: the state (or nothing but the audit trail) changes
            }
        }
    }

    /** Places the case with a department; after a transfer the new department starts afresh. */
    void assign(CaseFile file, String departmentCode, String ruleId, Instant now, boolean afterTransfer) {
        file.state = CaseState.ASSIGNED;
        file.departmentCode = departmentCode;
        file.routingRuleId = ruleId;
        file.assignedAt = now;
        file.updatedAt = now;
        file.waitingForMaterialsSince = null;
        if (afterTransfer) {
            file.acceptedAt = null;
            file.clearDeadline(CaseDeadlines.MEDIATION_ENDS_BY);
        }
        deadlines.onAssigned(kind(file), now, afterTransfer).forEach(file::setDeadline);
    }

    /** A transferred case no other department takes waits for the supervisors' triage. */
    void toTriage(CaseFile file, Instant now) {
        file.state = CaseState.NEW;
        file.departmentCode = null;
        file.routingRuleId = null;
        file.acceptedAt = null;
        file.updatedAt = now;
        file.waitingForMaterialsSince = null;
        file.clearDeadline(CaseDeadlines.TRANSFER_BY);
        file.clearDeadline(CaseDeadlines.MEDIATION_ENDS_BY);
    }

    /** The audit note: what the system says about the step, then the client's own words. */
    String note(CaseFile file, Transition transition, CaseCommand command, String clientNote) {
        String own = switch (transition.action()) {
            case ASSIGN -> "Forwarded to the responsible department " + file.departmentCode;
            case ACCEPT -> "已受理 Accepted by " + file.departmentCode;
            case REFUSE ->
                "不予受理 Not accepted: " + ((CaseCommand.Refuse) command).ground().publicText();
            case START -> kind(file) == CaseKind.COMPLAINT ? "调解开始 Mediation started" : "核查开始 Verification started";
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

    static CaseKind kind(CaseFile file) {
        return CaseKind.valueOf(file.kind);
    }

    private void accept(CaseFile file, Instant now) {
        file.acceptedAt = now;
        deadlines.onAccepted(kind(file), now).forEach(file::setDeadline);
    }

    private static void resolve(CaseFile file, Resolution resolution, Instant now) {
        file.outcome = resolution.outcome().name();
        file.outcomeGround =
                resolution.ground() == null ? null : resolution.ground().name();
        file.decisionNumber = resolution.decisionNumber();
        file.finesFen = resolution.finesFen();
        file.confiscationsFen = resolution.confiscationsFen();
        file.resolvedAt = now;
    }

    private void extend(CaseFile file, Instant now) {
        Instant verifyBy = file.verifyBy != null
                ? file.verifyBy
                : deadlines
                        .onReceipt(CaseKind.REPORT, file.receivedAt)
                        .get(CaseDeadlines.VERIFY_BY)
                        .due();
        file.setDeadline(CaseDeadlines.VERIFY_BY, deadlines.extendedVerification(verifyBy));
        file.verificationExtendedAt = now;
    }

    /** The running deadlines move on by the time spent waiting; the others no longer matter. */
    private void resume(CaseFile file, Instant now) {
        Instant since = file.waitingForMaterialsSince;
        file.deadlines().forEach((name, due) -> {
            if (DeadlineWatch.runs(name, file.state, true)) {
                file.setDeadline(name, deadlines.resumed(name, due, since, now));
            }
        });
        file.waitingForMaterialsSince = null;
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
