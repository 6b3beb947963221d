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
        return new TokenStatusService(chains, tokens, verification, java.util.Optional.ofNullable(proofs.getIfUnique()));
    }
}
