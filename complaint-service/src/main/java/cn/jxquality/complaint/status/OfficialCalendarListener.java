package cn.jxquality.complaint.status;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;

/**
 * Told of {@code case.calendar-loaded.v1}: an administrator loaded a year's official working-day calendar into
 * case-service. Defined here, where case events arrive, and implemented by the features that count working days, so
 * they depend on this package and not the other way round.
 */
public interface OfficialCalendarListener {

    /** The event's type on {@code case-events}. */
    String TYPE = "case.calendar-loaded.v1";

    /** Applies the year's days off and make-up working days; applying the same load again changes nothing. */
    Uni<Void> loaded(int year, List<Day> days);

    /** A day that differs from Monday to Friday: {@code HOLIDAY} or {@code MAKEUP_WORKDAY}. */
    record Day(LocalDate date, String type) {}
}
