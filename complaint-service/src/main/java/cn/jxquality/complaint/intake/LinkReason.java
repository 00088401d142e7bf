package cn.jxquality.complaint.intake;

/** Why a record points at another: the other half of one submission, or an earlier record it repeats. */
public enum LinkReason {
    /** The report half of a submission that held both a complaint and a report; points at the complaint. */
    SPLIT,
    /** Same person, same business, same category within 30 days; points at the earliest such record. */
    DUPLICATE
}
