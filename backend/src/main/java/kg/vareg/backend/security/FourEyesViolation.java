package kg.vareg.backend.security;

import org.springframework.security.access.AccessDeniedException;

/** The staff member who proposed a decision tried to confirm it too: refused (403, rule "four-eyes"). */
public final class FourEyesViolation extends AccessDeniedException {
    public static final String RULE = "four-eyes: the staff member who proposed a decision cannot confirm it;"
            + " a different registrar or supervisor must";

    public FourEyesViolation(Decision decision) {
        super(decision + ": " + RULE);
    }
}
