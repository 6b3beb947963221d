package kg.vareg.backend.kernel;

import java.util.EnumSet;
import java.util.Set;

/** Where an emission stands in the procedure of ¶4 (stages 1-6) and ¶25, ¶45-56. */
public enum EmissionState {
    /** Being prepared by the issuer; not yet filed. */
    DRAFT,
    /** ¶9 package filed and complete; the regulator decides within 20 WD (¶10). */
    SUBMITTED,
    /** ¶17-19 reasoned refusal. Final. */
    REFUSED,
    /** ¶3, ¶57: number assigned, in the register. */
    REGISTERED,
    /** ¶20-21: public offer published; placement may start 5 WD later. */
    OFFER_DISCLOSED,
    /** ¶22: placement running. */
    PLACEMENT,
    /** ¶25(1), ¶50: suspended until cured. */
    SUSPENDED,
    /** ¶30: results report filed; decision within 10 WD (¶34). */
    RESULTS_REPORTED,
    /** ¶29, ¶34, ¶38. */
    SUCCESSFUL,
    /** ¶25(2), ¶34, ¶44, ¶48: number cancelled. */
    UNSUCCESSFUL,
    /** ¶25(3): declared invalid by a court; number cancelled. */
    INVALID,
    /** ¶52: declared not genuine after success (administrative procedure); number cancelled. */
    NOT_GENUINE,
    /** ¶45, ¶63: issuer liquidated / terminated / bankrupt; number cancelled. */
    CANCELLED;

    /** States in which the emission is in the register with a live number. */
    public static final Set<EmissionState> LIVE = EnumSet.of(REGISTERED, OFFER_DISCLOSED, PLACEMENT, SUSPENDED,
            RESULTS_REPORTED, SUCCESSFUL);

    /** States whose number has been cancelled (¶35, ¶47). */
    public static final Set<EmissionState> NUMBER_CANCELLED = EnumSet.of(UNSUCCESSFUL, INVALID, NOT_GENUINE, CANCELLED);

    public boolean inRegister() {
        return LIVE.contains(this) || NUMBER_CANCELLED.contains(this);
    }
}
