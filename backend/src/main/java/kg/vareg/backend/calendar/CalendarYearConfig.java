package kg.vareg.backend.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON form of one year's calendar (backend/src/main/resources/calendar/&lt;year&gt;.json), as written by people.
 * {@link CalendarYear#from(CalendarYearConfig)} validates it.
 *
 * @param scope       whose calendar this is (the regulator is a state body on a five-day week)
 * @param legalBasis  the acts the year follows
 * @param days        every declared day: holidays, Cabinet days off, weekend days made working days
 */
public record CalendarYearConfig(int year, String scope, List<String> legalBasis, List<DayOfWeek> weekend,
        List<Day> days, List<String> notes) {

    /**
     * @param kind      PUBLIC_HOLIDAY, MOVABLE_HOLIDAY, CABINET_DAY_OFF or CABINET_WORKING_DAY
     * @param source    where the date comes from; required
     * @param confirmed false for a date not yet confirmed by an official act or announcement; null means true
     */
    public record Day(LocalDate date, DayKind kind, String name, String source, Boolean confirmed) {
    }
}
