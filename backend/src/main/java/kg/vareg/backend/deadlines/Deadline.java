package kg.vareg.backend.deadlines;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something due under the regulation: what, under which ¶, by whom, by when (from the working-day calendar),
 * and whether it is overdue today. {@code workingDaysLeft} is negative when overdue, absent when done or when the
 * ¶ sets no term ({@code due} absent, ¶11). {@code status}: DUE, OVERDUE, or DONE (recorded notices, ¶11, ¶38-40,
 * ¶54-56, with {@code doneOn} and {@code late}).
 */
public record Deadline(UUID emissionId, String registrationNumber, UUID issuerId, String what, String paragraph,
        String dueBy, LocalDate due, boolean overdue, Long workingDaysLeft, Status status, LocalDate doneOn, Boolean late) {

    public enum Status { DUE, OVERDUE, DONE }
}
