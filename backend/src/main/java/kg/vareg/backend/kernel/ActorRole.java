package kg.vareg.backend.kernel;

/**
 * Who acted, as recorded in the history and the journal. SYSTEM is the register itself (demo data, schedulers).
 * ADMINISTRATOR manages accounts only (docs/operations.md "Accounts"): it takes no register decision.
 */
public enum ActorRole {
    REGISTRAR, SUPERVISOR, ISSUER, SYSTEM, ADMINISTRATOR
}
