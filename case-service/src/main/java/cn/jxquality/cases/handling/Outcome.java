package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseKind;

/** How a case was resolved; each outcome belongs to one kind of case. */
public enum Outcome {
    MEDIATED(CaseKind.COMPLAINT),
    MEDIATION_ENDED(CaseKind.COMPLAINT),
    WITHDRAWN(CaseKind.COMPLAINT),
    SUBSTANTIATED(CaseKind.REPORT),
    UNSUBSTANTIATED(CaseKind.REPORT),
    REFERRED_TO_JUDICIARY(CaseKind.REPORT);

    private final CaseKind kind;

    Outcome(CaseKind kind) {
        this.kind = kind;
    }

    public CaseKind kind() {
        return kind;
    }
}
