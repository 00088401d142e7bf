package cn.jxquality.cases.handling;

import java.util.Locale;

/** What can be done to a case; {@link #ROUTE} is the system's own step after a transfer and never offered. */
public enum CaseAction {
    ASSIGN("case.assigned"),
    ACCEPT("case.accepted"),
    REFUSE("case.refused"),
    START("case.started"),
    TRANSFER("case.transferred"),
    ROUTE("case.rerouted"),
    RESOLVE("case.resolved"),
    CLOSE("case.closed"),
    EXTEND("case.verification-extended"),
    REQUEST_MATERIALS("case.materials-requested"),
    MATERIALS_RECEIVED("case.materials-received"),
    NOTE("case.note");

    private final String auditType;

    CaseAction(String auditType) {
        this.auditType = auditType;
    }

    /** The {@code type} of the audit entry the action leaves. */
    public String auditType() {
        return auditType;
    }

    /** The name clients see, the last segment of the action's endpoint ({@code notes} for {@link #NOTE}). */
    public String endpoint() {
        return this == NOTE ? "notes" : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
