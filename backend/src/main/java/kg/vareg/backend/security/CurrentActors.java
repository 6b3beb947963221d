package kg.vareg.backend.security;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Resolves the authenticated caller of the current request. */
@Component
public class CurrentActors {
    public CurrentActor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof VaregUser user) {
            return user.actor();
        }
        throw new InsufficientAuthenticationException("login required");
    }
}
