package cn.jxquality.cases.casefile;

/** A complaint (投诉: a consumer dispute to mediate) or a report (举报: a suspected violation to investigate). */
public enum CaseKind {
    COMPLAINT,
    REPORT
}
