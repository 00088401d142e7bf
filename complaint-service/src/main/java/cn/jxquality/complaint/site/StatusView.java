package cn.jxquality.complaint.site;

import cn.jxquality.complaint.intake.ComplaintKind;
import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.complaint.odr.OdrClock;
import cn.jxquality.complaint.odr.OdrState;
import cn.jxquality.complaint.odr.Settlements;
import cn.jxquality.complaint.status.PublicTimeline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A status look-up as the page tells it: the current status, the department and the time limits that apply now in
 * plain words, and what the citizen can do next (rate the handling, claim a reward).
 */
public record StatusView(
        PublicTimeline timeline,
        String departmentName,
        List<Limit> limits,
        boolean canRate,
        boolean isReport,
        Settlements.CitizenView odr) {

    /**
     * One time limit the law sets for the current stage: which rule ({@code site:limit}), and the day it ends when
     * it runs in calendar days from a step on the timeline (working-day limits are counted by case-service on the
     * official holiday calendar, so the page names the rule without a date).
     */
    public record Limit(Rule rule, LocalDate endsOn) {}

    /** The rules the page can name. */
    public enum Rule {
        /** A complaint: accept or refuse within 7 working days of receipt (Consumer Rights Protection Law art. 46). */
        ACCEPT,
        /** A report: verified within 15 working days, extendable once by 15 (SAMR rules on reports). */
        VERIFY,
        /** Mediation ends without agreement 60 calendar days after acceptance (SAMR Order No. 121). */
        MEDIATION,
        /** Handled: the citizen may rate it. */
        DONE,
        /** A handled report: rewards, where due, are notified. */
        DONE_REPORT,
        /** Refused, with the ground on the timeline. */
        NOT_ACCEPTED,
        /** Sent to an ODR enterprise first: it answers within 10 working days. */
        ODR_ENTERPRISE,
        /** The enterprise reports a settlement: the citizen confirms or disputes it, else it stands. */
        ODR_CITIZEN
    }

    /** Mediation ends when no agreement is reached within 60 calendar days of acceptance (SAMR Order No. 121). */
    static final int MEDIATION_DAYS = 60;

    public static StatusView of(PublicTimeline timeline, String departmentName) {
        return of(timeline, departmentName, null);
    }

    /**
     * With {@code odr} when the complaint went to an enterprise first: while it is the enterprise's or the citizen's
     * turn, their time limit is the one that applies. A complaint closed by a settlement has no department to rate.
     */
    public static StatusView of(PublicTimeline timeline, String departmentName, Settlements.CitizenView odr) {
        boolean report = timeline.kind() == ComplaintKind.REPORT;
        List<Limit> limits = odr == null ? null : odrLimits(odr);
        boolean settledByOdr = odr != null && odr.state() == OdrState.CONFIRMED;
        return new StatusView(
                timeline,
                departmentName,
                limits == null ? limits(timeline, report) : limits,
                !report
                        && !settledByOdr
                        && (timeline.status() == PublicStatus.RESOLVED || timeline.status() == PublicStatus.CLOSED),
                report,
                odr);
    }

    /** Still the enterprise's or the citizen's turn, or settled: no department has it. */
    public boolean withEnterprise() {
        return odr != null && !odr.state().escalated();
    }

    private static List<Limit> odrLimits(Settlements.CitizenView odr) {
        return switch (odr.state()) {
            case WITH_ENTERPRISE -> List.of(new Limit(Rule.ODR_ENTERPRISE, OdrClock.lastDay(odr.dueAt())));
            case SETTLED -> List.of(new Limit(Rule.ODR_CITIZEN, OdrClock.lastDay(odr.answerBy())));
            case CONFIRMED -> List.of(new Limit(Rule.DONE, null));
            default -> null;
        };
    }

    static List<Limit> limits(PublicTimeline timeline, boolean report) {
        List<Limit> limits = new ArrayList<>();
        switch (timeline.status()) {
            case RECEIVED, ROUTED -> limits.add(new Limit(report ? Rule.VERIFY : Rule.ACCEPT, null));
            case ACCEPTED, IN_PROGRESS -> {
                if (report) {
                    limits.add(new Limit(Rule.VERIFY, null));
                } else {
                    limits.add(new Limit(Rule.MEDIATION, acceptedOn(timeline)));
                }
            }
            case RESOLVED, CLOSED -> limits.add(new Limit(report ? Rule.DONE_REPORT : Rule.DONE, null));
            case NOT_ACCEPTED -> limits.add(new Limit(Rule.NOT_ACCEPTED, null));
        }
        return limits;
    }

    private static LocalDate acceptedOn(PublicTimeline timeline) {
        return timeline.timeline().stream()
                .filter(step -> step.status() == PublicStatus.ACCEPTED)
                .map(PublicTimeline.Step::at)
                .reduce((first, later) -> later)
                .map(StatusView::beijingDay)
                .map(day -> day.plusDays(MEDIATION_DAYS))
                .orElse(null);
    }

    private static LocalDate beijingDay(Instant at) {
        return at.atZone(cn.jxquality.complaint.page.PageFormats.BEIJING).toLocalDate();
    }
}
