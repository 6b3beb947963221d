package kg.vareg.worker.anchoring;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kg.vareg.common.logstore.AnchorRecord;
import kg.vareg.common.logstore.AnchorStatus;
import kg.vareg.common.logstore.CheckpointRecord;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.common.logstore.PostgresHashStore;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteVerifier;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.verify.MerkleVerifier;
import kg.vareg.worker.sender.FenceToken;
import kg.vareg.worker.sender.Submission;
import kg.vareg.worker.sender.TxRequest;
import kg.vareg.worker.sender.TxSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Anchors signed checkpoints on RegistryAnchor, one anchor in flight at a time, and follows it to
 * finality. Every step starts from what the database and the chain say NOW, so a restart, a dead
 * node, a dropped, replaced or reorged transaction all resume from the same logic.
 *
 * <p>Sending, fees, nonces, re-broadcast, replacement and finality belong to the worker's one
 * {@link TxSender} (docs/anchoring.md, "Transaction sender"); an anchor row follows the request that
 * carries it. Never twice on-chain for one size: a new anchor is only decided after reading the
 * contract's {@code latestCheckpoint()} and only for a larger size, and the contract itself rejects a
 * size that does not grow. Never a root it has not recomputed: the new range is re-hashed from the
 * journal bytes and its subtrees rebuilt ({@link JournalRehash}, issue 15 item 11), the signed
 * checkpoint must verify, and the chain's last root must be our root at that size, with a
 * consistency proof that verifies locally.
 */
public class AnchorService {

    private static final Logger log = LoggerFactory.getLogger(AnchorService.class);
    static final String PURPOSE = "anchor:";

    private final JdbcTemplate jdbc;
    private final LogQueries queries;
    private final Web3j web3j;
    private final TxSender sender;
    private final AnchorContract contract;
    private final AnchoringProperties props;
    private final NoteVerifier checkpointKey;
    private final AnchoringState state;
    private final Clock clock;

    public AnchorService(JdbcTemplate jdbc, Web3j web3j, TxSender sender, AnchorContract contract,
                         AnchoringProperties props, NoteVerifier checkpointKey, AnchoringState state, Clock clock) {
        this.jdbc = jdbc;
        this.queries = new LogQueries(jdbc);
        this.web3j = web3j;
        this.sender = sender;
        this.contract = contract;
        this.props = props;
        this.checkpointKey = checkpointKey;
        this.state = state;
        this.clock = clock;
        // A pending anchor whose size the contract already holds (or exceeds) is obsolete: cancel it.
        sender.onObsolete(PURPOSE, r -> {
            try {
                return contract.latestCheckpoint().size() >= Long.parseLong(r.purpose().substring(PURPOSE.length()));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }

    public TxSender sender() {
        return sender;
    }

    /** One step under the tick's fencing token: follow the anchor in flight, or decide whether to send one. */
    public AnchorStep step(FenceToken token) throws IOException {
        Optional<AnchorRecord> inFlight = queries.inFlightAnchor();
        if (inFlight.isPresent()) {
            return follow(inFlight.get());
        }
        return maybeSend(token);
    }

    // ---------------------------------------------------------------- following an anchor

    private AnchorStep follow(AnchorRecord a) throws IOException {
        Long requestId = jdbc.queryForObject("SELECT tx_request_id FROM log.anchors WHERE id = ?", Long.class, a.id());
        Optional<TxRequest> req = requestId == null ? Optional.empty() : sender.request(requestId);
        if (req.isEmpty()) {
            // A row from before the transaction sender (V30): the contract decides what is anchored.
            markDropped(a, "sent before the transaction sender existed; re-decided from the contract");
            return new AnchorStep.Dropped(a.treeSize(), a.txHash(), "legacy");
        }
        TxRequest r = req.get();
        syncHash(a, r);
        return switch (r.status()) {
            case PENDING -> {
                if (a.status() == AnchorStatus.MINED) {
                    jdbc.update("""
                            UPDATE log.anchors SET status = 'PENDING', block_number = NULL, block_hash = NULL,
                                   block_time = NULL, gas_used = NULL, effective_gas_price = NULL,
                                   reorg_count = reorg_count + 1, updated_at = now() WHERE id = ?""", a.id());
                    log.warn("anchor tx {} for size {} was reorged out of block {}", a.txHash(), a.treeSize(),
                            a.blockNumber().orElse(-1L));
                    yield new AnchorStep.Reorged(a.treeSize(), r.latestTxHash());
                }
                yield new AnchorStep.Waiting(a.treeSize(), r.latestTxHash(), "PENDING");
            }
            case INCLUDED -> {
                mined(a, r);
                yield new AnchorStep.Waiting(a.treeSize(), r.includedTxHash().orElseThrow(), "MINED");
            }
            case FINAL -> {
                mined(a, r);
                jdbc.update("UPDATE log.anchors SET status = 'CONFIRMED', updated_at = now() WHERE id = ?", a.id());
                state.addGas(r.gasUsed().orElse(0L));
                log.info("checkpoint of size {} anchored in block {} (tx {}, final)", a.treeSize(),
                        r.blockNumber().orElse(-1L), r.includedTxHash().orElse("?"));
                yield new AnchorStep.Confirmed(a.treeSize(), r.includedTxHash().orElseThrow(), r.blockNumber().orElseThrow());
            }
            case REVERTED -> {
                jdbc.update("""
                        UPDATE log.anchors SET status = 'FAILED', block_number = ?, block_hash = ?, gas_used = ?,
                               last_error = 'reverted', updated_at = now() WHERE id = ?""",
                        r.blockNumber().orElse(null), r.blockHash().orElse(null), r.gasUsed().orElse(null), a.id());
                state.addGas(r.gasUsed().orElse(0L));
                log.error("anchor tx {} for size {} reverted", r.includedTxHash().orElse("?"), a.treeSize());
                yield new AnchorStep.Dropped(a.treeSize(), r.includedTxHash().orElse(a.txHash()), "reverted");
            }
            case CANCELLED, DROPPED -> {
                markDropped(a, "nonce " + r.nonce() + " " + r.status().name().toLowerCase(java.util.Locale.ROOT));
                yield new AnchorStep.Dropped(a.treeSize(), a.txHash(), r.status().name().toLowerCase(java.util.Locale.ROOT));
            }
        };
    }

    /** The anchor row shows the hash that was included, or else the latest attempt (a fee bump changes it). */
    private void syncHash(AnchorRecord a, TxRequest r) {
        String current = r.includedTxHash().orElse(r.latestTxHash());
        if (!current.equals(a.txHash())) {
            jdbc.update("UPDATE log.anchors SET tx_hash = ?, raw_tx = (SELECT raw_tx FROM log.tx_attempts WHERE tx_hash = ?),"
                    + " updated_at = now() WHERE id = ?", current, current, a.id());
        }
    }

    private void mined(AnchorRecord a, TxRequest r) throws IOException {
        String blockHash = r.blockHash().orElseThrow();
        if (a.status() == AnchorStatus.MINED && a.blockHash().orElse("").equals(blockHash)) {
            return;
        }
        EthBlock.Block b = web3j.ethGetBlockByHash(blockHash, false).send().getBlock();
        Instant blockTime = b == null ? null : Instant.ofEpochSecond(b.getTimestamp().longValueExact());
        java.math.BigDecimal price = jdbc.queryForObject(
                "SELECT effective_gas_price FROM log.tx_requests WHERE id = ?", java.math.BigDecimal.class, r.id());
        jdbc.update("""
                UPDATE log.anchors SET status = 'MINED', block_number = ?, block_hash = ?, block_time = ?,
                       gas_used = ?, effective_gas_price = ?, updated_at = now() WHERE id = ?""",
                r.blockNumber().orElseThrow(), blockHash, blockTime == null ? null : java.sql.Timestamp.from(blockTime),
                r.gasUsed().orElse(null), price, a.id());
    }

    private void markDropped(AnchorRecord a, String why) {
        jdbc.update("UPDATE log.anchors SET status = 'DROPPED', last_error = ?, updated_at = now() WHERE id = ?",
                why, a.id());
        log.warn("anchor tx {} for size {} dropped: {}", a.txHash(), a.treeSize(), why);
    }

    // ---------------------------------------------------------------- deciding and sending

    private AnchorStep maybeSend(FenceToken token) throws IOException {
        Optional<CheckpointRecord> latest = queries.latestCheckpoint();
        if (latest.isEmpty()) {
            return new AnchorStep.NothingToAnchor();
        }
        CheckpointRecord cp = latest.get();
        AnchorContract.OnChainCheckpoint onChain = contract.latestCheckpoint();
        long anchored = Math.max(onChain.size(), queries.liveAnchoredSize());
        if (onChain.size() > cp.size()) {
            return new AnchorStep.Alarm("the contract holds size " + onChain.size()
                    + " but the log has only " + cp.size() + " entries (database restored from an old backup?)");
        }
        long waiting = cp.size() - anchored;
        if (waiting <= 0) {
            return new AnchorStep.NothingToAnchor();
        }
        Instant oldest = queries.integratedAt(anchored).orElse(clock.instant());
        boolean due = waiting >= props.batchSize()
                || !Duration.between(oldest, clock.instant()).minus(props.maxDelay()).isNegative();
        if (!due) {
            return new AnchorStep.NotDue(waiting);
        }

        // Recompute before we publish: the journal bytes, the stored tree, the signed checkpoint and the
        // chain must agree (issue 15 item 11: the new range is re-hashed from the journal, not log.nodes).
        Optional<String> rehash = JournalRehash.check(jdbc, onChain.size(), cp.size(), cp.root());
        if (rehash.isPresent()) {
            return new AnchorStep.Alarm("journal re-hash before anchoring size " + cp.size() + " failed: "
                    + rehash.get());
        }
        PostgresHashStore store = PostgresHashStore.atSize(jdbc, cp.size());
        Sha256Hash root = MerkleProofs.root(store, cp.size());
        if (!root.equals(cp.root())) {
            return new AnchorStep.Alarm("stored tree root at size " + cp.size() + " is " + root
                    + " but the signed checkpoint says " + cp.root());
        }
        try {
            Checkpoint signed = Checkpoint.parse(checkpointKey.open(cp.signedNote()));
            if (signed.size() != cp.size() || !signed.root().equals(root)) {
                return new AnchorStep.Alarm("signed note of size " + cp.size() + " does not match its row");
            }
        } catch (LogVerificationException e) {
            return new AnchorStep.Alarm("checkpoint " + cp.size() + " does not verify with our key: " + e.getMessage());
        }
        ConsistencyProof proof = new ConsistencyProof(0, cp.size(), java.util.List.of());
        if (onChain.size() > 0) {
            Sha256Hash ourOld = MerkleProofs.root(store, onChain.size());
            if (!ourOld.equals(onChain.root())) {
                return new AnchorStep.Alarm("FORK: the contract's root at size " + onChain.size() + " is "
                        + onChain.root() + " but the log's is " + ourOld);
            }
            if (onChain.size() < cp.size()) {
                proof = MerkleProofs.consistencyProof(store, onChain.size(), cp.size());
                try {
                    MerkleVerifier.verifyConsistency(proof, onChain.root(), root);
                } catch (LogVerificationException e) {
                    return new AnchorStep.Alarm("consistency proof " + onChain.size() + " -> " + cp.size()
                            + " does not verify: " + e.getMessage());
                }
            }
        }
        return send(token, cp.size(), root, proof);
    }

    private AnchorStep send(FenceToken token, long size, Sha256Hash root, ConsistencyProof proof) throws IOException {
        String data = AnchorContract.encodeAnchor(size, root, proof);
        // The anchor row commits with the stored request (one transaction): a crash before the broadcast
        // leaves both, and the sender re-broadcasts. The partial unique index refuses a second live anchor
        // for this size even if two workers got here.
        Submission s = sender.submit(token, PURPOSE + size, contract.address(), data, (requestId, nonce, txHash) ->
                jdbc.update("""
                        INSERT INTO log.anchors (tree_size, root_hash, chain_id, contract_address, from_address, tx_hash,
                               nonce, raw_tx, max_fee_per_gas, max_priority_fee_per_gas, status, tx_request_id)
                        SELECT ?, ?, r.chain_id, ?, r.wallet, a.tx_hash, r.nonce, a.raw_tx, a.max_fee_per_gas,
                               a.max_priority_fee_per_gas, 'PENDING', r.id
                          FROM log.tx_requests r JOIN log.tx_attempts a ON a.request_id = r.id
                         WHERE r.id = ? AND a.tx_hash = ?""",
                        size, root.toBytes(), contract.address().toLowerCase(java.util.Locale.ROOT), requestId, txHash));
        if (s instanceof Submission.Refused refused) {
            return new AnchorStep.HeldBack(size, refused.why());
        }
        Submission.Accepted ok = (Submission.Accepted) s;
        log.info("anchoring size {} root {} with tx {} (nonce {})", size, root, ok.txHash(), ok.nonce());
        return new AnchorStep.Sent(size, ok.txHash(), ok.nonce());
    }
}
