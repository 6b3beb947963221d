package kg.vareg.backend.calendar;

/** Why a day is or is not a working day. */
public enum DayKind {
    /** Monday to Friday with nothing declared. */
    WEEKDAY(true),
    /** Saturday or Sunday with nothing declared. */
    WEEKEND(false),
    /** A non-working public holiday fixed by the Labour Code (date fixed in the year). */
    PUBLIC_HOLIDAY(false),
    /** Orozo Ait or Kurman Ait: non-working by the Labour Code, date set each year by the lunar calendar. */
    MOVABLE_HOLIDAY(false),
    /** An extra day off declared by a Cabinet resolution. */
    CABINET_DAY_OFF(false),
    /** A weekend day declared a working day by a Cabinet resolution. */
    CABINET_WORKING_DAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }
}
