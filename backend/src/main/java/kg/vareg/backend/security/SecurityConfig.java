package kg.vareg.backend.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import kg.vareg.backend.api.IdempotencyFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what. Reads of the public register, its proofs, the API docs and health need no login
 * (¶66: the register is public, founders' data excepted); everything else needs an authenticated role
 * (REGISTRAR, SUPERVISOR, ISSUER), checked per command in the services. Users live in the database with
 * bcrypt-hashed passwords.
 */
@Configuration
class SecurityConfig {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, JdbcTemplate jdbc) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/api/docs/**", "/api/v1/openapi.json/**", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/**").permitAll()
                        // Public document verification by upload (hashes the file, stores nothing).
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/verify-document").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    response.setHeader("WWW-Authenticate", "Basic realm=\"vareg\"");
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"log in with a registrar, supervisor or issuer account\"}");
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                // After authorization: idempotency keys are scoped per authenticated user.
                .addFilterAfter(new IdempotencyFilter(jdbc), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(UserAccounts accounts) {
        return username -> accounts.find(username)
                .map(u -> new VaregUser(u.username(), u.passwordHash(), u.enabled(), u.role(), u.issuerId()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
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
