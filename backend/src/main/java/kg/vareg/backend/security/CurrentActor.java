package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.util.Optional;
import java.util.UUID;

/** The authenticated caller: an ISSUER user is bound to exactly one issuer and only ever sees that issuer's data. */
public record CurrentActor(String username, ActorRole role, Optional<UUID> issuerId) {

    public boolean isIssuer() {
        return role == ActorRole.ISSUER;
    }

    /** Regulator staff see every application; an issuer only its own. */
    public boolean maySee(UUID ownerIssuerId) {
        return role == ActorRole.REGISTRAR || role == ActorRole.SUPERVISOR || role == ActorRole.SYSTEM
                || issuerId.map(ownerIssuerId::equals).orElse(false);
    }

    public static CurrentActor system() {
        return new CurrentActor("system", ActorRole.SYSTEM, Optional.empty());
    }
}
