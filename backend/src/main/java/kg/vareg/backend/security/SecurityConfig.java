package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import jakarta.servlet.http.HttpServletResponse;
import kg.vareg.backend.api.IdempotencyFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Who may do what (docs/security.md). Reads of the public register, its proofs, the API docs and health need no
 * login (¶66: the register is public, founders' data excepted); everything else needs an authenticated role
 * (REGISTRAR, SUPERVISOR, ISSUER), checked per command in the services, with four-eyes on weighty decisions
 * ({@link FourEyes}). Users live in the database with passwords hashed by the delegating encoder (bcrypt today,
 * upgraded on the fly when the default changes); with {@code vareg.security.oidc.issuer-uri} the API also accepts
 * OpenID Connect bearer tokens (issuer and audience checked; roles from a claim). Logins are throttled and requests
 * rate limited on every chain ({@link ChainSecurity}); responses carry strict security headers.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    /** The API and its docs load nothing from other origins and are never framed. */
    static final String API_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, JdbcTemplate jdbc, SecurityProperties properties, ChainSecurity shared,
            FailedAttemptJournal failedAttempts) throws Exception {
        shared.apply(http).authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/api/docs/**", "/api/swagger-ui/**", "/api/v1/openapi.json/**", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/**").permitAll()
                        // The log as C2SP tlog-tiles (tiles.TileController): public like the proof API.
                        .requestMatchers(HttpMethod.GET, "/log/checkpoint", "/log/tile/**").permitAll()
                        // Public document verification by upload (hashes the file, stores nothing).
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/verify-document").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (kg.vareg.backend.api.DatabaseOutage.isCause(e)) {
                        // The account could not be looked up: not a wrong password (docs/faults.md F1).
                        kg.vareg.backend.api.DatabaseOutage.write(response);
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"vareg\"");
                    Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized",
                            "log in with a registrar, supervisor or issuer account");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    // Refused by the URL rules (before any controller): journaled like every refused attempt.
                    Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden", "not allowed for your role");
                    failedAttempts.record(request);
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless API with credentials on every request (Basic or bearer): no cookies, hence no CSRF.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")))
                // After authorization: idempotency keys are scoped per authenticated user.
                .addFilterAfter(new IdempotencyFilter(jdbc), AuthorizationFilter.class);
        SecurityProperties.Oidc oidc = properties.oidc();
        if (oidc.enabled()) {
            if (oidc.audiences().isEmpty()) {
                throw new IllegalStateException("vareg.security.oidc.audiences must name this API's client id when"
                        + " vareg.security.oidc.issuer-uri is set (docs/security.md)");
            }
            // Production option: tokens of the regulator's identity provider; the decoder is built on first use.
            http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt
                    .decoder(new SupplierJwtDecoder(() -> OidcTokens.decoder(oidc)))
                    .jwtAuthenticationConverter(new OidcActorConverter(oidc))));
            log.info("OpenID Connect bearer tokens accepted from {} for audience {} (roles claim '{}')", oidc.issuerUri(),
                    oidc.audiences(), oidc.rolesClaim());
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Database accounts: password, then the TOTP code if the account has one (issue 14). */
    @Bean
    AuthenticationProvider users(UserAccounts accounts, PasswordEncoder encoder) {
        // TOTP is about real time, never the register's (adjustable, training) clock.
        return new AccountAuthenticationProvider(accounts, encoder, java.time.Clock.systemUTC());
    }

    /** First start: creates the registrar named in the configuration (password from the environment, never the repo). */
    @Bean
    ApplicationRunner bootstrapRegistrar(UserAccounts accounts,
            @Value("${vareg.security.bootstrap-registrar.username:}") String username,
            @Value("${vareg.security.bootstrap-registrar.password:}") String password) {
        return args -> {
            if (!username.isBlank() && !password.isBlank() && !accounts.any()) {
                accounts.create(username, password, ActorRole.REGISTRAR, null);
                log.info("created the first registrar account '{}'", username);
            }
        };
    }
}
