package cn.jxquality.cases.casefile;

/** The states of a case (DESIGN §4). */
public enum CaseState {
    NEW,
    ASSIGNED,
    ACCEPTED,
    NOT_ACCEPTED,
    IN_MEDIATION,
    UNDER_INVESTIGATION,
    TRANSFERRED,
    RESOLVED,
    CLOSED
}
