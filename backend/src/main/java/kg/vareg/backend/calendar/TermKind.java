package kg.vareg.backend.calendar;

/** What the date computed for a {@link LegalTerm} means. */
public enum TermKind {
    /** The last day on which the act is still in time ("within N days", "no later than"). */
    DEADLINE,
    /** The first day on which the act is allowed ("no earlier than N days after"). */
    EARLIEST_DAY
}
