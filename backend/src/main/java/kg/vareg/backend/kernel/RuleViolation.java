package kg.vareg.backend.kernel;

import java.util.List;

/**
 * A command the regulation does not allow in the emission's current situation. The API answers 409 with
 * problem+json naming the paragraph, never a silent change.
 */
public class RuleViolation extends RuntimeException {
    private final String paragraph;
    private final List<String> details;

    public RuleViolation(String paragraph, String message) {
        this(paragraph, message, List.of());
    }

    public RuleViolation(String paragraph, String message, List<String> details) {
        super(paragraph + ": " + message);
        this.paragraph = paragraph;
        this.details = List.copyOf(details);
    }

    public String paragraph() {
        return paragraph;
    }

    public String rule() {
        return getMessage().substring(paragraph.length() + 2);
    }

    public List<String> details() {
        return details;
    }
}
