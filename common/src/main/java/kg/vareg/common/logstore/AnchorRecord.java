package kg.vareg.common.logstore;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import kg.vareg.ledger.hash.Sha256Hash;

/** An anchor transaction of the checkpoint of {@code treeSize} on the EVM chain. */
public record AnchorRecord(long id, long treeSize, Sha256Hash root, long chainId, String contractAddress,
                           String fromAddress, String txHash, long nonce, AnchorStatus status,
                           Optional<Long> blockNumber, Optional<String> blockHash, Optional<Instant> blockTime,
                           Optional<Long> gasUsed, Optional<BigInteger> effectiveGasPrice, int reorgCount,
                           int broadcastCount, Instant createdAt, Instant updatedAt) {
}
