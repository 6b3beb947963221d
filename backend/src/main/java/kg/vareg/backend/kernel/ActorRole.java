package kg.vareg.backend.kernel;

/** Who acted, as recorded in the history and the journal. SYSTEM is the register itself (demo data, schedulers). */
public enum ActorRole {
    REGISTRAR, SUPERVISOR, ISSUER, SYSTEM
}
