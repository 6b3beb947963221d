package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An OpenID Connect access token → the register's actor: the role from the configured claim (a string or a list;
 * the first of REGISTRAR, SUPERVISOR, ISSUER, ADMINISTRATOR found, case-insensitive, "ROLE_" prefix allowed), the account name from
 * the username claim (else {@code sub}), an issuer's id from the issuer-id claim. No recognised role → 401.
 */
final class OidcActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SecurityProperties.Oidc oidc;

    OidcActorConverter(SecurityProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        ActorRole role = role(jwt.getClaims().get(oidc.rolesClaim()))
                .orElseThrow(() -> new BadCredentialsException("the token carries no register role"));
        String name = Optional.ofNullable(jwt.getClaimAsString(oidc.usernameClaim())).orElse(jwt.getSubject());
        Optional<UUID> issuerId = Optional.ofNullable(jwt.getClaimAsString(oidc.issuerIdClaim())).map(UUID::fromString);
        if ((role == ActorRole.ISSUER) != issuerId.isPresent()) {
            throw new BadCredentialsException("an issuer token needs exactly the issuer id claim");
        }
        VaregUser user = new VaregUser("oidc:" + name, "", true, role, issuerId);
        return UsernamePasswordAuthenticationToken.authenticated(user, jwt, user.getAuthorities());
    }

    static Optional<ActorRole> role(Object claim) {
        Collection<?> values = claim instanceof Collection<?> c ? c : claim == null ? List.of() : List.of(claim);
        for (ActorRole r : List.of(ActorRole.REGISTRAR, ActorRole.SUPERVISOR, ActorRole.ISSUER, ActorRole.ADMINISTRATOR)) {
            for (Object v : values) {
                String s = String.valueOf(v).toUpperCase(java.util.Locale.ROOT);
                if (s.equals(r.name()) || s.equals("ROLE_" + r.name())) return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
