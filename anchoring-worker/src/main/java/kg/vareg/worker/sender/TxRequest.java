package kg.vareg.worker.sender;

import java.util.Optional;

/** One nonce of the wallet and what became of it (table {@code log.tx_requests}). */
public record TxRequest(long id, long nonce, String purpose, String to, Status status, Optional<String> includedTxHash,
                        Optional<Long> blockNumber, Optional<String> blockHash, Optional<Long> gasUsed,
                        int reorgCount, String latestTxHash, boolean cancelRequested) {

    public enum Status { PENDING, INCLUDED, FINAL, REVERTED, CANCELLED, DROPPED }

    public boolean open() {
        return status == Status.PENDING || status == Status.INCLUDED;
    }
}
