package cn.jxquality.complaint.site;

import cn.jxquality.complaint.intake.ComplaintKind;
import cn.jxquality.complaint.intake.PublicStatus;
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
        PublicTimeline timeline, String departmentName, List<Limit> limits, boolean canRate, boolean isReport) {

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
        NOT_ACCEPTED
    }

    /** Mediation ends when no agreement is reached within 60 calendar days of acceptance (SAMR Order No. 121). */
    static final int MEDIATION_DAYS = 60;

    public static StatusView of(PublicTimeline timeline, String departmentName) {
        boolean report = timeline.kind() == ComplaintKind.REPORT;
        return new StatusView(
                timeline,
                departmentName,
                limits(timeline, report),
                !report && (timeline.status() == PublicStatus.RESOLVED || timeline.status() == PublicStatus.CLOSED),
                report);
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
