package cn.jxquality.complaint.odr;

/**
 * Where a complaint sent to an enterprise first stands: with the enterprise; settled and waiting for the citizen;
 * or ended — confirmed (or not disputed in time), or not settled, lapsed or disputed, when the department takes it.
 */
public enum OdrState {
    WITH_ENTERPRISE,
    SETTLED,
    CONFIRMED,
    NOT_SETTLED,
    LAPSED,
    DISPUTED;

    /** Ended without a settlement: a case opens for the department. */
    public boolean escalated() {
        return this == NOT_SETTLED || this == LAPSED || this == DISPUTED;
    }
}
