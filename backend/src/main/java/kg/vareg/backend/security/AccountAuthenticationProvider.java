package kg.vareg.backend.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password login of database accounts (form login and HTTP Basic), plus the TOTP second factor (RFC 6238) once an
 * account has one: the code comes as the login form's {@code totp} field or, with Basic, the {@value #HEADER}
 * header. A wrong or missing code is a failed login like a wrong password (and counts for the login throttle).
 */
final class AccountAuthenticationProvider extends DaoAuthenticationProvider {
    static final String HEADER = "X-Vareg-Totp";
    private final UserAccounts accounts;
    private final Clock clock;

    AccountAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, Clock clock) {
        super(username -> accounts.find(username)
                .map(u -> new VaregUser(u.username(), u.passwordHash(), u.enabled(), u.role(), u.issuerId(),
                        Optional.of(u.credentialsVersion())))
                .orElseThrow(() -> new UsernameNotFoundException("no such user")));
        setPasswordEncoder(encoder);
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        super.additionalAuthenticationChecks(user, authentication);
        Optional<String> secret = accounts.find(user.getUsername()).flatMap(UserAccounts.StoredUser::totpSecret);
        if (secret.isEmpty()) return;
        String code = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            code = Optional.ofNullable(request.getParameter("totp")).filter(s -> !s.isBlank()).orElse(request.getHeader(HEADER));
        }
        if (!Totp.verify(secret.get(), code, clock.instant())) {
            throw new BadCredentialsException("one-time code missing or wrong");
        }
    }
}
