package cn.jxquality.complaint.odr;

import java.time.Instant;

/**
 * The public timeline's words for each ODR step, in both languages (the complaint's language picks one). They
 * name the enterprise and the dates, never what was agreed or why not: those are shown only behind the query code.
 */
record OdrNotes(String zh, String en) {

    static OdrNotes sent(String enterprise, Instant dueAt) {
        String day = OdrClock.lastDay(dueAt).toString();
        return new OdrNotes(
                "已按您的选择转交" + enterprise + "先行协商和解（ODR），企业须于" + day + "前答复。",
                "Sent, as you chose, to " + enterprise + " to settle first (ODR); it must answer by " + day + ".");
    }

    static OdrNotes settled(String enterprise, Instant answerBy) {
        String day = OdrClock.lastDay(answerBy).toString();
        return new OdrNotes(
                enterprise + "报告已与您和解。请于" + day + "前在本页确认或提出异议，逾期视为确认。",
                enterprise + " reports that it has settled with you. Confirm or dispute this on this page by " + day
                        + "; otherwise the settlement stands.");
    }

    static OdrNotes notSettled(String enterprise) {
        return new OdrNotes(
                enterprise + "未能与您和解，投诉已转交市场监管部门处理。",
                enterprise + " could not settle with you; the complaint goes to the market regulator.");
    }

    static OdrNotes lapsed(String enterprise) {
        return new OdrNotes(
                enterprise + "未在 10 个工作日内答复，投诉已转交市场监管部门处理。",
                enterprise + " did not answer within 10 working days; the complaint goes to the market regulator.");
    }

    static OdrNotes confirmed() {
        return new OdrNotes("您已确认和解，投诉办结。", "You confirmed the settlement; the complaint is closed.");
    }

    static OdrNotes stood(Instant answerBy) {
        String day = OdrClock.lastDay(answerBy).toString();
        return new OdrNotes(
                "您未在" + day + "前提出异议，和解成立，投诉办结。",
                "You did not dispute the settlement by " + day + ", so it stands; the complaint is closed.");
    }

    static OdrNotes moved(boolean enterprisesTurn, int year, Instant was, Instant is) {
        String from = OdrClock.lastDay(was).toString();
        String to = OdrClock.lastDay(is).toString();
        return enterprisesTurn
                ? new OdrNotes(
                        year + " 年官方节假日安排已公布，企业答复期限由" + from + "调整为" + to + "。",
                        "The official " + year + " holiday calendar was published: the enterprise now answers by " + to
                                + " instead of " + from + ".")
                : new OdrNotes(
                        year + " 年官方节假日安排已公布，您确认或提出异议的期限由" + from + "调整为" + to + "。",
                        "The official " + year + " holiday calendar was published: you may confirm or dispute the"
                                + " settlement until " + to + " instead of " + from + ".");
    }

    static OdrNotes disputed() {
        return new OdrNotes(
                "您对和解提出异议，投诉已转交市场监管部门处理。", "You disputed the settlement; the complaint goes to the market regulator.");
    }
}
