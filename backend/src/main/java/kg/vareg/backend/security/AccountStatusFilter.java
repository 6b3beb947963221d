package kg.vareg.backend.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A logged-in database account must still be what it was at login, at every request (issue 14): a disabled account,
 * or one whose credentials version changed (disabled, password reset, role changed), loses its session at once —
 * the session is invalidated and the page asks for a new login (the API answers 401). HTTP Basic requests are
 * re-checked by the login itself (the account is loaded per request; a disabled account fails it). An account with a
 * one-time password may only change it: pages redirect to {@code /account/password}, the API answers 403
 * {@code password-change-required} except {@code POST /api/v1/account/password}. One primary-key read per request.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
class AccountStatusFilter extends OncePerRequestFilter {
    private final UserAccounts accounts;

    AccountStatusFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof VaregUser user) || user.credentialsVersion().isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccounts.Status> status = accounts.status(user.getUsername());
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (status.isEmpty() || !status.get().enabled() || status.get().credentialsVersion() != user.credentialsVersion().get()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) session.invalidate();
            if (api) {
                Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized",
                        "the account is disabled or its credentials changed; log in again");
            } else {
                response.sendRedirect(request.getContextPath() + "/login?ended");
            }
            return;
        }
        if (status.get().mustChangePassword() && !passwordChange(request)) {
            if (api) {
                Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "password-change-required", "Password change required",
                        "this account has a one-time password: set your own with POST /api/v1/account/password first");
            } else {
                response.sendRedirect(request.getContextPath() + "/account/password");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean passwordChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/account/password") || path.equals("/api/v1/account/password") || path.equals("/logout")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico") || path.equals("/error");
    }
}
