package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.util.List;

/**
 * One change of {@code totalSupply()} that the token's events do not explain, located by bisection.
 *
 * @param block the block in which totalSupply() moved (the change, not the block the scan reached)
 * @param txHashes the token's transactions in that block (its logs' and those sent to it), oldest first
 * @param delta the unexplained change in base units (negative: supply vanished)
 */
public record SupplyChange(long block, String blockHash, List<String> txHashes, BigInteger delta, SupplyChangeCause cause) {
    public SupplyChange {
        txHashes = List.copyOf(txHashes);
    }

    /** The transaction a finding cites: the token's only (or first) transaction in the block, or null. */
    public String txHash() {
        return txHashes.isEmpty() ? null : txHashes.getFirst();
    }
}
