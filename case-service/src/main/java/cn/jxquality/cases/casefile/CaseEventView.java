package cn.jxquality.cases.casefile;

import java.time.Instant;

/** One audit entry as the API shows it: who did what, as which role, for which department, when and why. */
public record CaseEventView(
        long id,
        String type,
        CaseState fromState,
        CaseState toState,
        String actor,
        String actorRole,
        String departmentCode,
        Instant at,
        String note,
        Visibility visibility) {

    static CaseEventView of(CaseEvent e) {
        return new CaseEventView(
                e.id,
                e.type,
                e.fromState,
                e.toState,
                e.actor,
                e.actorRole,
                e.departmentCode,
                e.at,
                e.note,
                e.visibility);
    }
}
