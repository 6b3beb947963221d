package kg.vareg.common.chain;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The EVM chain vareg anchors on ({@code vareg.chain.*}).
 *
 * @param rpcUrl JSON-RPC endpoint
 * @param chainId the chain id the endpoint must answer with; a different one stops start-up
 * @param name the chain's name as written in emission decisions (¶5)
 * @param requestTimeout how long one JSON-RPC call may take before the node counts as slow
 * @param unreachableStatus the "chain" health status while the node does not answer: DOWN for the worker
 *     (it cannot anchor), DEGRADED for the backend (the register keeps working; a load balancer keeps it)
 */
@Validated
@ConfigurationProperties("vareg.chain")
public record ChainProperties(
        @NotBlank String rpcUrl,
        @Min(1) long chainId,
        @DefaultValue("vareg dev chain") String name,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("DOWN") String unreachableStatus) {}
