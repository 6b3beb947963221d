package kg.vareg.backend.web;

import kg.vareg.backend.security.ChainSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The security of the web pages, apart from the API's stateless chain: sessions with form login, session
 * fixation protection (a new session id on login), CSRF tokens on every form, and a Content Security Policy
 * that allows nothing from other origins except the JSON-RPC endpoint the visitor may ask the page to call
 * (verify in your browser). Public pages (¶66: the register is public) need no login; the console is for
 * regulator staff, the portal for issuers — each service re-checks the role per command.
 */
@Configuration
class WebSecurityConfig {

    static final String[] PAGES = {"/", "/register", "/register/**", "/emissions/**", "/verify", "/verify/**",
            "/documents/**", "/console", "/console/**", "/portal", "/portal/**", "/account", "/account/**", "/login", "/login/**", "/logout", "/css/**",
            "/js/**", "/favicon.ico", "/extracts/**", "/calendar"};

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, @Value("${vareg.web.public-rpc-url:${vareg.chain.rpc-url:}}") String rpcUrl,
            ChainSecurity shared) throws Exception {
        String rpcOrigin = WebUrls.origin(rpcUrl);
        shared.apply(http).securityMatcher(PAGES)
                .authorizeHttpRequests(auth -> auth
                        // Account administration (issue 14): administrators only, who take no register decision.
                        .requestMatchers("/console/accounts", "/console/accounts/**").hasRole("ADMINISTRATOR")
                        .requestMatchers("/console", "/console/**").hasAnyRole("REGISTRAR", "SUPERVISOR")
                        .requestMatchers("/account", "/account/**").authenticated()
                        .requestMatchers("/portal", "/portal/**").hasRole("ISSUER")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/login/next").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/register"))
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; connect-src 'self'" + (rpcOrigin.isEmpty() ? "" : " " + rpcOrigin)
                                + "; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
