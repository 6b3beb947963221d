package kg.vareg.backend.collateral;

import java.util.Objects;

/**
 * One breached rule.
 *
 * @param paragraph the ¶ of the Regulation, e.g. "¶3-6"
 * @param subject   what it is about: "emission" or "item 2 (GOLD)"
 */
public record Violation(String paragraph, String subject, String message) {

    public Violation {
        Objects.requireNonNull(paragraph, "paragraph");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return paragraph + " " + subject + ": " + message;
    }
}
