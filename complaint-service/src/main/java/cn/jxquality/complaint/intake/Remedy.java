package cn.jxquality.complaint.intake;

/** What a complainant asks the business for (Consumer Rights Protection Law art. 24, 40, 48). */
public enum Remedy {
    REPAIR,
    REDO,
    REPLACE,
    RETURN,
    MAKE_UP_QUANTITY,
    REFUND,
    COMPENSATION
}
