package kg.vareg.worker.tokenregistry;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The on-chain TokenRegistry mirror of the register (docs/contracts.md "TokenRegistry").
 *
 * @param contractAddress where TokenRegistry is deployed on the worker's chain; blank: the mirror is off
 * @param chainIds        an emission's declared {@code blockchain} (¶5, free text, compared case-insensitively)
 *                        → EIP-155 chain id; {@code eip155:<id>} and the worker's own {@code vareg.chain.name}
 *                        are understood without configuration
 * @param pollInterval    delay between two sync runs
 * @param batchSize       log entries read per transaction, statuses written per run
 */
@ConfigurationProperties("vareg.token-registry")
public record TokenRegistryProperties(String contractAddress, Map<String, Long> chainIds,
                                      @DefaultValue("PT5S") Duration pollInterval,
                                      @DefaultValue("500") int batchSize) {

    public TokenRegistryProperties {
        chainIds = chainIds == null ? Map.of() : Map.copyOf(chainIds);
        batchSize = batchSize <= 0 ? 500 : batchSize;
    }

    public boolean configured() {
        return contractAddress != null && !contractAddress.isBlank();
    }
}
