package kg.vareg.backend.calendar;

/** A date was asked about in a year for which no working-day calendar is configured: never guess. */
public class CalendarYearNotConfiguredException extends IllegalStateException {

    private final int year;

    public CalendarYearNotConfiguredException(int year) {
        super("No working-day calendar is configured for " + year + ": add backend/src/main/resources/calendar/"
                + year + ".json with that year's non-working holidays, Orozo Ait, Kurman Ait and Cabinet days off"
                + " (see docs/calendar.md). Terms that reach into " + year + " cannot be computed until then.");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
