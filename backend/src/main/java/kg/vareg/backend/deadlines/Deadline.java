package kg.vareg.backend.deadlines;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something due under the regulation: what, under which ¶, by whom, by when (from the working-day calendar),
 * and whether it is overdue today. {@code workingDaysLeft} is negative when overdue.
 */
public record Deadline(UUID emissionId, String registrationNumber, UUID issuerId, String what, String paragraph,
        String dueBy, LocalDate due, boolean overdue, long workingDaysLeft) {}
