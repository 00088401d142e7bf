package cn.jxquality.complaint.intake;

/** The status a citizen sees on the public status page. */
public enum PublicStatus {
    RECEIVED,
    ROUTED,
    ACCEPTED,
    NOT_ACCEPTED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED
}
