package kg.vareg.backend.emissions;

import java.util.List;

/** The collateral policy's verdict (¶3-5, ¶3-6) as the aggregate needs it: covered or not, and why not. */
public record CollateralCheck(boolean covered, List<String> problems, List<String> computation) {
    public CollateralCheck {
        problems = List.copyOf(problems);
        computation = List.copyOf(computation);
    }
}
