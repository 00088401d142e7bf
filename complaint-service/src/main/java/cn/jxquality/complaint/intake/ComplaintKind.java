package cn.jxquality.complaint.intake;

/** A complaint (投诉) seeks mediation and a remedy; a report (举报) is a lead that a business breaks the law. */
public enum ComplaintKind {
    COMPLAINT,
    REPORT
}
