package kg.vareg.backend.calendar;

import java.time.LocalDate;

/**
 * The working-day calendar of the Kyrgyz Republic as it applies to the regulator (a state body on a five-day
 * week): weekends, non-working public holidays, Orozo Ait / Kurman Ait, and days off or working days declared by
 * the Cabinet. Built from per-year configuration; asking about a year without configuration throws
 * {@link CalendarYearNotConfiguredException} rather than guessing.
 *
 * <p>Counting (regulation.md, ¶36): a term runs from the day after the event, so "within N WD" ends on the N-th
 * working day after the event day; the event day itself never counts, even when it is a working day.
 */
public interface WorkingDayCalendar {

    boolean isWorkingDay(LocalDate day);

    /** The N-th working day after eventDay: "within N WD" terms run from the day after the event (¶36). n >= 1 */
    LocalDate plusWorkingDays(LocalDate eventDay, int n);

    /** eventDay + n calendar days; if that day is not a working day, the next working day (civil-law rule). */
    LocalDate plusCalendarDays(LocalDate eventDay, int n);

    /** Working days after {@code from} up to and including {@code to} (negative if to < from). */
    long workingDaysBetween(LocalDate from, LocalDate to);

    /** Why a day is (not) a working day and where that comes from. */
    DayInfo describe(LocalDate day);

    /** Applies the term's unit and length to the event day. For {@link TermKind#EARLIEST_DAY} terms the result
     *  is the first allowed day, otherwise the last day in time. */
    default LocalDate deadline(LegalTerm term, LocalDate eventDay) {
        return switch (term.unit()) {
            case WORKING_DAYS -> plusWorkingDays(eventDay, term.length());
            case CALENDAR_DAYS -> plusCalendarDays(eventDay, term.length());
        };
    }

    /** True when an act done on {@code actDay} respects the term that started with {@code eventDay}:
     *  on or before the deadline, or on or after the earliest day. */
    default boolean isInTime(LegalTerm term, LocalDate eventDay, LocalDate actDay) {
        LocalDate limit = deadline(term, eventDay);
        return term.kind() == TermKind.DEADLINE ? !actDay.isAfter(limit) : !actDay.isBefore(limit);
    }

    /** {@code day} itself if it is a working day, else the next working day. */
    default LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
