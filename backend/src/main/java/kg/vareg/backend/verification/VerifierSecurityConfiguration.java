package kg.vareg.backend.verification;

import kg.vareg.backend.security.ChainSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Additive to {@code security.SecurityConfig}: the supervisors' verifier endpoints ({@code /api/v1/verifier/**})
 * are for SUPERVISOR and REGISTRAR only. The public regulator view lives under {@code /api/v1/public/**}.
 */
@Configuration(proxyBeanMethods = false)
class VerifierSecurityConfiguration {

    @Bean
    @Order(11)
    SecurityFilterChain verifierApi(HttpSecurity http, ChainSecurity shared) throws Exception {
        shared.apply(http).securityMatcher("/api/v1/verifier/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("SUPERVISOR", "REGISTRAR"))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
