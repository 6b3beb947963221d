package kg.vareg.backend.verification;

import java.util.EnumSet;
import java.util.Set;

/** Where an emission stands in the register, as far as the verifier cares (¶4, ¶25, ¶34, ¶45-53). */
public enum EmissionPhase {
    /** Package filed, not yet registered: no VA may exist yet (¶3, ¶58). */
    APPLIED,
    /** Registered, placement not started. */
    REGISTERED,
    /** Public placement running (¶20-24). */
    PLACEMENT,
    /** Suspended by the regulator (¶25(1), ¶50). */
    SUSPENDED,
    /** Results recognised as successful (¶29, ¶34). */
    COMPLETED,
    /** Declared unsuccessful (¶25(2), ¶34, ¶44, ¶48). */
    UNSUCCESSFUL,
    /** Declared invalid by a court (¶25(3)). */
    INVALID,
    /** Declared not genuine (¶52). */
    NOT_GENUINE,
    /** Registration number cancelled (¶35, ¶47). */
    CANCELLED;

    /** Phases in which no new VA may be minted from {@code phaseSince} on (¶25, ¶47, ¶50, ¶53). */
    public static final Set<EmissionPhase> MINTING_FORBIDDEN =
            EnumSet.of(SUSPENDED, UNSUCCESSFUL, INVALID, NOT_GENUINE, CANCELLED);

    /** Phases after which every VA of the issue must be withdrawn (burned) (¶25, ¶45, ¶53). */
    public static final Set<EmissionPhase> ALL_VAS_WITHDRAWN = EnumSet.of(UNSUCCESSFUL, INVALID, NOT_GENUINE, CANCELLED);
}
