package kg.vareg.backend.deadlines;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something due under the regulation: what, under which ¶, by whom, by when (from the working-day calendar),
 * and whether it is overdue today. {@code workingDaysLeft} is negative when overdue, absent when done or when the
 * ¶ sets no term ({@code due} absent, ¶11). {@code status}: DUE, OVERDUE, or DONE (recorded notices, ¶11, ¶38-40,
 * ¶54-56, with {@code doneOn} and {@code late}). {@code from}: the day the term runs from (the event: receipt of the
 * package, the end of the placement, the end of a quarter...), {@code term} its length and ¶ (e.g. "20 WD (¶10)"),
 * where known.
 */
public record Deadline(UUID emissionId, String registrationNumber, UUID issuerId, String what, String paragraph,
        String dueBy, LocalDate due, boolean overdue, Long workingDaysLeft, Status status, LocalDate doneOn, Boolean late,
        LocalDate from, String term) {

    /** Without its basis: the day the term started from and the term (e.g. "20 WD (¶10)") unknown. */
    public Deadline(UUID emissionId, String registrationNumber, UUID issuerId, String what, String paragraph, String dueBy,
            LocalDate due, boolean overdue, Long workingDaysLeft, Status status, LocalDate doneOn, Boolean late) {
        this(emissionId, registrationNumber, issuerId, what, paragraph, dueBy, due, overdue, workingDaysLeft, status, doneOn,
                late, null, null);
    }

    public enum Status { DUE, OVERDUE, DONE }
}
