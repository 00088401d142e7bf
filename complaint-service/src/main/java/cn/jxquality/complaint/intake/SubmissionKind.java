package cn.jxquality.complaint.intake;

/** What a submission holds; one holding both a complaint and a report is split into two linked records. */
public enum SubmissionKind {
    COMPLAINT,
    REPORT,
    COMPLAINT_AND_REPORT;

    /** Whether the submission holds a complaint, which needs a real identity and may seek a remedy. */
    public boolean includesComplaint() {
        return this != REPORT;
    }

    /** Whether the submission holds a report, which may request a reward. */
    public boolean includesReport() {
        return this != COMPLAINT;
    }
}
