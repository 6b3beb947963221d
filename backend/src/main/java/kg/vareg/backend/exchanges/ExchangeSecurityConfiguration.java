package kg.vareg.backend.exchanges;

import kg.vareg.backend.security.Problems;
import kg.vareg.backend.security.RateLimiter;
import kg.vareg.backend.security.ChainSecurity;
import kg.vareg.backend.security.RateLimiters;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Security of the exchange API, additive to {@code security.SecurityConfig}: a filter chain of its own
 * (ordered before the main one) that matches only {@code /api/v1/tokens/**} and {@code /api/v1/exchange-keys/**}.
 * Token status: an exchange's API key (role EXCHANGE) or regulator staff (HTTP Basic, REGISTRAR / SUPERVISOR).
 * Key management: REGISTRAR or SUPERVISOR only.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeSecurityConfiguration {

    @Bean
    ExchangeApiKeys exchangeApiKeys(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        return new ExchangeApiKeys(jdbc, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @Order(10)
    SecurityFilterChain exchangeApi(HttpSecurity http, ExchangeApiKeys keys, ChainSecurity shared, RateLimiters limiters)
            throws Exception {
        // Per-key request limits are the shared chain security's (keyed on the authenticated exchange).
        RateLimiter wrongKeys = limiters.greedy("exchange-wrong-key", 20, 20, java.time.Duration.ofMinutes(1));
        shared.apply(http).securityMatcher("/api/v1/tokens/**", "/api/v1/exchange-keys/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/exchange-keys/**").hasAnyRole("REGISTRAR", "SUPERVISOR")
                        .anyRequest().hasAnyRole("EXCHANGE", "REGISTRAR", "SUPERVISOR"))
                .addFilterBefore(new ExchangeApiKeyFilter(keys, wrongKeys), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        unauthorized(response, "send an exchange API key in the X-Api-Key header")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    Problems.write(response, 403, "forbidden", "Forbidden", "this role may not use this endpoint");
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\", Basic realm=\"vareg\"");
        // Our problem type, like every other 401 of the API (issue 18).
        Problems.write(response, 401, "unauthorized", "Unauthorized", detail);
    }
}
