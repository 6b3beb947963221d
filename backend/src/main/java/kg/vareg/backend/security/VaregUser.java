package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A logged-in user: Spring's User plus the register's role and, for an issuer, its issuer id. A database account
 * also carries the credentials version it logged in with: a session whose version is no longer the account's
 * (disabled, reset, role changed) ends at its next request ({@link AccountStatusFilter}).
 */
final class VaregUser extends User {
    private final ActorRole role;
    private final Optional<UUID> issuerId;
    private final Optional<Long> credentialsVersion;

    VaregUser(String username, String passwordHash, boolean enabled, ActorRole role, Optional<UUID> issuerId) {
        this(username, passwordHash, enabled, role, issuerId, Optional.empty());
    }

    VaregUser(String username, String passwordHash, boolean enabled, ActorRole role, Optional<UUID> issuerId,
            Optional<Long> credentialsVersion) {
        super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.issuerId = issuerId;
        this.credentialsVersion = credentialsVersion;
    }

    CurrentActor actor() {
        return new CurrentActor(getUsername(), role, issuerId);
    }

    /** Present for database accounts (not for OpenID Connect tokens, whose provider disables accounts). */
    Optional<Long> credentialsVersion() {
        return credentialsVersion;
    }
}
