package kg.vareg.backend.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One day as the public calendar service reports it: whether the regulator works, why not, and where that comes
 * from. {@code provisional} marks a configured date not yet confirmed by its source (docs/calendar.md); such a day
 * is applied as configured, but may still change.
 */
public record CalendarDay(LocalDate date, DayOfWeek dayOfWeek, boolean workingDay, DayKind kind, String reason,
        String source, boolean provisional) {

    /** Where weekends come from: state bodies work a five-day week. */
    static final String WEEKEND_SOURCE = "Labour Code of the Kyrgyz Republic: five-day working week (Saturday and Sunday off)";

    static CalendarDay of(DayInfo info) {
        String source = info.kind() == DayKind.WEEKEND && info.source().isEmpty() ? WEEKEND_SOURCE : info.source();
        return new CalendarDay(info.date(), info.date().getDayOfWeek(), info.workingDay(), info.kind(), info.reason(),
                source, !info.confirmed());
    }
}
