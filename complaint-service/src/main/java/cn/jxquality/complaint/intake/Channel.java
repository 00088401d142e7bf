package cn.jxquality.complaint.intake;

/** How a submission reached us; everything but {@code WEB} and {@code OPEN311} is registered by an operator. */
public enum Channel {
    HOTLINE_12365,
    HOTLINE_12315,
    WEB,
    LETTER,
    EMAIL,
    WALK_IN,
    OPEN311;

    /** Whether only an operator may register a submission on this channel. */
    public boolean needsOperator() {
        return this != WEB && this != OPEN311;
    }
}
