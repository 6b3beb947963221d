package kg.vareg.backend.web;

import java.util.ArrayList;
import java.util.List;
import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.emissions.EmissionView;

/**
 * The registrar's decisions that the emission's state allows now, each with the ¶ it applies. It mirrors the
 * aggregate's preconditions only to decide which forms to show; the aggregate still checks every rule when the
 * form is sent (a stale page cannot force a transition).
 */
final class Decisions {
    private Decisions() {}

    public record Decision(String action, String paragraph, boolean needsText, boolean danger) {}

    static List<Decision> allowed(EmissionView e) {
        EmissionState s = EmissionState.valueOf(e.state());
        List<Decision> d = new ArrayList<>();
        switch (s) {
            case SUBMITTED -> {
                d.add(new Decision("register", "¶10, ¶3-10, ¶28, ¶67-68", false, false));
                d.add(new Decision("refuse", "¶17-19", true, true));
            }
            case REGISTERED, OFFER_DISCLOSED, PLACEMENT -> d.add(new Decision("suspend", "¶25(1), ¶50", true, true));
            case SUSPENDED -> {
                d.add(new Decision("lift", "¶25(1)", false, false));
                d.add(new Decision("cure", "¶37", true, false));
                d.add(new Decision("unsuccessful", "¶25(2), ¶41", true, true));
            }
            case RESULTS_REPORTED -> {
                d.add(new Decision("successful", "¶29, ¶34", false, false));
                d.add(new Decision("cure", "¶37", true, false));
                d.add(new Decision("unsuccessful", "¶34, ¶44", true, true));
            }
            default -> { }
        }
        if (e.pendingWhitePaperSha256() != null) {
            d.add(new Decision("wp-approve", "¶7", false, false));
            d.add(new Decision("wp-refuse", "¶7", true, true));
        }
        return d;
    }
}
