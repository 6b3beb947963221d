package kg.vareg.common.chain;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The chain client, its start-up identity check and the "chain" health component, for both applications. */
@AutoConfiguration
@EnableConfigurationProperties(ChainProperties.class)
public class ChainAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ChainClient chainClient(ChainProperties properties) {
        return new ChainClient(properties);
    }

    @Bean
    ChainIdentityCheck chainIdentityCheck(ChainClient chain) {
        return new ChainIdentityCheck(chain);
    }

    @Bean(name = "chainHealthIndicator")
    ChainHealthIndicator chainHealthIndicator(ChainClient chain) {
        return new ChainHealthIndicator(chain);
    }
}
