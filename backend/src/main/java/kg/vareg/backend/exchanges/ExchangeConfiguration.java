package kg.vareg.backend.exchanges;

import kg.vareg.backend.verification.ChainRegistry;
import kg.vareg.backend.verification.RegisteredTokens;
import kg.vareg.backend.verification.VerificationQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    @Bean
    TokenStatusService tokenStatusService(ChainRegistry chains, ObjectProvider<RegisteredTokens> register,
                                          VerificationQueries verification, ObjectProvider<RegisterEntryProofs> proofs) {
        RegisteredTokens tokens = register.getIfUnique();
        if (tokens == null) {
            tokens = new RegisteredTokens() {
                public java.util.List<kg.vareg.backend.verification.MonitoredToken> all() {
                    return java.util.List.of();
                }

                public java.util.Optional<kg.vareg.backend.verification.MonitoredToken> byAddress(long c, String a) {
                    return java.util.Optional.empty();
                }
            };
        }
        return new TokenStatusService(chains, tokens, verification, java.util.Optional.ofNullable(proofs.getIfUnique()));
    }
}
