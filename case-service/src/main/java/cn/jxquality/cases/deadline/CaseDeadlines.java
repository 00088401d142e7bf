package cn.jxquality.cases.deadline;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.casefile.Deadline;
import cn.jxquality.platform.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The legal time limits of a case (DESIGN §4, figures in {@link DeadlineRules} from {@code seeds/deadlines.yaml}),
 * counted in Beijing time from the day after the triggering event: accept or refuse a complaint within 7 working
 * days of receipt; end mediation within 60 calendar days of acceptance; verify a report within 15 working days of
 * receipt, extendable once by 15; transfer a wrongly routed case within 2 working days of its assignment. A
 * deadline is due at the end of its last day.
 */
public final class CaseDeadlines {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final String ACCEPT_BY = CaseFile.ACCEPT_BY;
    public static final String TRANSFER_BY = CaseFile.TRANSFER_BY;
    public static final String MEDIATION_ENDS_BY = CaseFile.MEDIATION_ENDS_BY;
    public static final String VERIFY_BY = CaseFile.VERIFY_BY;

    private volatile WorkingDayCalendar calendar;
    private final DeadlineRules rules;

    public CaseDeadlines(WorkingDayCalendar calendar, DeadlineRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    /** The working-day calendar the deadlines are counted on (also the rewards' claim window). */
    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** From now on, deadlines are counted on {@code loaded} (the seeds' calendars and the years loaded since). */
    public void useCalendar(WorkingDayCalendar loaded) {
        this.calendar = loaded;
    }

    /**
     * On receipt: a complaint's acceptance limit, a report's verification limit. {@code receivedAt} is when the
     * case's own deadlines start: the receipt, or for a complaint that went to a registered ODR enterprise first, when
     * that ended without a settlement (DESIGN §4).
     */
    public Map<String, Deadline> onReceipt(CaseKind kind, Instant receivedAt) {
        return kind == CaseKind.COMPLAINT
                ? Map.of(ACCEPT_BY, workingDaysAfter(receivedAt, rules.acceptWorkingDays()))
                : Map.of(VERIFY_BY, workingDaysAfter(receivedAt, rules.verifyWorkingDays()));
    }

    /**
     * On assignment to a department: the transfer limit; after a transfer the receiving department counts a
     * complaint's acceptance limit afresh from the day it received the case.
     */
    public Map<String, Deadline> onAssigned(CaseKind kind, Instant assignedAt, boolean afterTransfer) {
        Map<String, Deadline> deadlines = new LinkedHashMap<>();
        deadlines.put(TRANSFER_BY, workingDaysAfter(assignedAt, rules.transferWorkingDays()));
        if (afterTransfer && kind == CaseKind.COMPLAINT) {
            deadlines.put(ACCEPT_BY, workingDaysAfter(assignedAt, rules.acceptWorkingDays()));
        }
        return deadlines;
    }

    /** On acceptance of a complaint: the end of mediation. Reports keep their verification limit. */
    public Map<String, Deadline> onAccepted(CaseKind kind, Instant acceptedAt) {
        if (kind != CaseKind.COMPLAINT) {
            return Map.of();
        }
        LocalDate last = day(acceptedAt).plusDays(rules.mediationCalendarDays());
        return Map.of(MEDIATION_ENDS_BY, new Deadline(endOf(last), false, acceptedAt));
    }

    /** The verification limit after its one extension: 15 more working days after the original last day (the rules'). */
    public Deadline extendedVerification(Instant verifyBy) {
        return movedOn(workingDaysAfter(verifyBy, rules.verificationExtensionWorkingDays()));
    }

    /**
     * A deadline after the department waited for the citizen's materials from {@code pausedAt} to {@code
     * resumedAt}: the days after the request up to the day the materials arrived do not count (working days for
     * working-day limits, calendar days for mediation).
     */
    public Deadline resumed(String name, Instant due, Instant pausedAt, Instant resumedAt) {
        LocalDate paused = day(pausedAt);
        LocalDate resumed = day(resumedAt);
        if (MEDIATION_ENDS_BY.equals(name)) {
            long days = Math.max(0, ChronoUnit.DAYS.between(paused, resumed));
            return new Deadline(endOf(day(due).plusDays(days)), false);
        }
        WorkingDayCalendar counted = calendar;
        return movedOn(workingDaysAfter(counted, due, workingDaysBetween(counted, paused, resumed)));
    }

    /**
     * A working-day deadline counted again on the calendar {@code after}: as many working days after the day its
     * count began as {@code before} (the calendar it was counted on) has from then to its last day. That number holds
     * whatever moved the deadline on since (an extension, the days waited for materials), so the deadline keeps every
     * day it was given and only which days are working changes. Null when the deadline does not move; the result
     * also tells whether the deadline still rests on a provisional year.
     */
    public static Deadline recount(
            Instant countedFrom, Instant due, WorkingDayCalendar before, WorkingDayCalendar after) {
        LocalDate first = day(countedFrom);
        LocalDate last = day(due);
        int given = workingDaysBetween(before, first, last);
        LocalDate recounted = given == 0 ? last : after.addWorkingDays(first, given);
        Instant recountedDue = recounted.equals(last) ? due : endOf(recounted);
        return new Deadline(recountedDue, after.isProvisionalBetween(first, recounted));
    }

    /** The working days after {@code first} up to and including {@code last} on {@code calendar}. */
    static int workingDaysBetween(WorkingDayCalendar calendar, LocalDate first, LocalDate last) {
        int days = 0;
        for (LocalDate d = first.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    /** The working days after the day of {@code start}, counted afresh from {@code start}. */
    public Deadline workingDaysAfter(Instant start, int workingDays) {
        return workingDaysAfter(calendar, start, workingDays);
    }

    private static Deadline workingDaysAfter(WorkingDayCalendar counted, Instant start, int workingDays) {
        LocalDate first = day(start);
        LocalDate last = counted.addWorkingDays(first, workingDays);
        return new Deadline(endOf(last), counted.isProvisionalBetween(first, last), start);
    }

    private static Deadline movedOn(Deadline counted) {
        return new Deadline(counted.due(), counted.provisional());
    }

    /** The Beijing day of an instant. */
    public static LocalDate day(Instant instant) {
        return instant.atZone(BEIJING).toLocalDate();
    }

    /** The end of a Beijing day, when a deadline on it is due. */
    public static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(BEIJING).toInstant();
    }
}
