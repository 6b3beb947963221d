package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One relevant log, identified by (transaction hash, log index) — the deduplication key.
 *
 * @param txSender who sent the transaction (filled for mints: who minted), or null
 * @param txTarget the transaction's target (a contract wallet of the issuer may be it), or null
 * @param blockTime block time (filled for mints and burns), or null
 */
public record ChainEvent(
        EventKind kind,
        String txHash,
        int logIndex,
        long blockNumber,
        String blockHash,
        String from,
        String to,
        BigInteger amount,
        String txSender,
        String txTarget,
        Instant blockTime) {

    ChainEvent withParties(String newFrom, String newTo) {
        return new ChainEvent(kind, txHash, logIndex, blockNumber, blockHash, newFrom, newTo, amount, txSender, txTarget, blockTime);
    }

    ChainEvent withTransaction(String sender, String target, Instant time) {
        return new ChainEvent(kind, txHash, logIndex, blockNumber, blockHash, from, to, amount, sender, target, time);
    }
}
