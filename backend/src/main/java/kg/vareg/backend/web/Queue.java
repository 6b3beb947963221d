package kg.vareg.backend.web;

import java.time.LocalDate;
import java.util.UUID;

/** One line of the registrar's queue: what is due, by when, and how many working days are left (¶10, ¶34, ¶7, ¶37). */
public record Queue(UUID emissionId, String issuerName, String state, String what, String paragraph, LocalDate due, long workingDaysLeft,
        String registrationNumber) {
    public String urgency() {
        return workingDaysLeft < 0 ? "wd-late" : workingDaysLeft <= 3 ? "wd-soon" : "";
    }
}
