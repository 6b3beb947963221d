package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in user: Spring's User plus the register's role and, for an issuer, its issuer id. */
final class VaregUser extends User {
    private final ActorRole role;
    private final Optional<UUID> issuerId;

    VaregUser(String username, String passwordHash, boolean enabled, ActorRole role, Optional<UUID> issuerId) {
        super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.issuerId = issuerId;
    }

    CurrentActor actor() {
        return new CurrentActor(getUsername(), role, issuerId);
    }
}
