package kg.vareg.backend.verification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The on-chain supply verifier ({@code vareg.verifier.*}).
 *
 * @param scheduling whether scans run on their own (off in tests, which drive passes themselves)
 * @param scanInterval pause between the end of one pass over all tokens and the start of the next
 * @param alertInterval pause between webhook delivery rounds
 * @param zone time zone in which block times become calendar days for the placement period (¶20)
 * @param chains the chains watched; empty = the anchoring chain of {@code vareg.chain.*} alone
 * @param webhook where supervisors' alerts are POSTed (empty URL = in-app list only)
 */
@ConfigurationProperties("vareg.verifier")
public record VerifierProperties(
        @DefaultValue("true") boolean scheduling,
        @DefaultValue("15s") Duration scanInterval,
        @DefaultValue("10s") Duration alertInterval,
        @DefaultValue("Asia/Bishkek") ZoneId zone,
        @DefaultValue List<Chain> chains,
        @DefaultValue Webhook webhook) {

    /**
     * One watched chain.
     *
     * @param chainId EIP-155 chain id
     * @param name the chain's name as written in emission decisions (¶5), e.g. "Ethereum", "BNB Smart Chain"
     * @param rpcUrl JSON-RPC endpoint
     * @param confirmations blocks below the head before a block counts as final for the verifier
     * @param maxLogRange largest eth_getLogs block range asked for (ranges halve on refusal, grow back to this)
     * @param requestTimeout one JSON-RPC call's time limit
     * @param retries retries of a failed call (with exponential backoff) before the node counts as unreachable
     * @param retryDelay first backoff delay
     * @param maxHeadAge a head block older than this means the node lags (null = not checked, e.g. dev chains
     *     that mine on demand)
     */
    public record Chain(
            long chainId,
            String name,
            URI rpcUrl,
            @DefaultValue("2") int confirmations,
            @DefaultValue("2000") long maxLogRange,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("3") int retries,
            @DefaultValue("200ms") Duration retryDelay,
            Duration maxHeadAge) {

        public Chain {
            if (chainId <= 0) {
                throw new IllegalArgumentException("vareg.verifier.chains[].chain-id must be positive");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("vareg.verifier.chains[].name is required (as written in ¶5 decisions)");
            }
            if (rpcUrl == null) {
                throw new IllegalArgumentException("vareg.verifier.chains[].rpc-url is required");
            }
            if (confirmations < 0 || maxLogRange < 1 || retries < 0) {
                throw new IllegalArgumentException("chain " + name + ": confirmations >= 0, max-log-range >= 1, retries >= 0");
            }
        }
    }

    /**
     * @param url endpoint that receives each alert as a JSON POST (empty = none)
     * @param maxAttempts delivery attempts before an alert is marked FAILED
     */
    public record Webhook(URI url, @DefaultValue("8") int maxAttempts, @DefaultValue("5s") Duration timeout) {}
}
