package kg.vareg.backend.calendar;

/** How the length of a {@link LegalTerm} is counted. */
public enum TermUnit {
    /** Working days of the Kyrgyz calendar (weekends, non-working holidays and Cabinet days off excluded). */
    WORKING_DAYS,
    /** Calendar days; a term whose last day is not a working day ends on the next working day (civil-law rule). */
    CALENDAR_DAYS
}
