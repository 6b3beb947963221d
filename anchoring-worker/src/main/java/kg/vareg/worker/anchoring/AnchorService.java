package kg.vareg.worker.anchoring;

import java.io.IOException;
import java.math.BigInteger;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Anchors signed checkpoints on RegistryAnchor, one transaction in flight at a time, and follows it
 * to K confirmations. Every step starts from what the database and the chain say NOW, so a restart,
 * a dead node, a dropped, replaced or reorged transaction all resume from the same logic.
 *
 * <p>Never twice on-chain for one size: the signed raw transaction is stored before it is broadcast
 * and a lost one is re-broadcast byte for byte (same nonce, same hash); a new transaction is only
 * built after reading the contract's {@code latestCheckpoint()} and only for a larger size; and the
 * contract itself rejects a size that does not grow. Never a root it has not recomputed: the root
 * is recomputed from the stored hashes, compared with the signed checkpoint, and the chain's last
 * root must be our root at that size, with a consistency proof that verifies locally.
 */
public class AnchorService {

    private static final Logger log = LoggerFactory.getLogger(AnchorService.class);

    private final JdbcTemplate jdbc;
    private final LogQueries queries;
    private final Web3j web3j;
    private final Credentials wallet;
    private final long chainId;
    private final AnchorContract contract;
    private final AnchoringProperties props;
    private final NoteVerifier checkpointKey;
    private final AnchoringState state;
    private final Clock clock;

    public AnchorService(JdbcTemplate jdbc, Web3j web3j, Credentials wallet, long chainId, AnchorContract contract,
                         AnchoringProperties props, NoteVerifier checkpointKey, AnchoringState state, Clock clock) {
        this.jdbc = jdbc;
        this.queries = new LogQueries(jdbc);
        this.web3j = web3j;
        this.wallet = wallet;
        this.chainId = chainId;
        this.contract = contract;
        this.props = props;
        this.checkpointKey = checkpointKey;
        this.state = state;
        this.clock = clock;
    }

    /** One step: follow the transaction in flight, or decide whether to send a new one. */
    public AnchorStep step() throws IOException {
        Optional<AnchorRecord> inFlight = queries.inFlightAnchor();
        if (inFlight.isPresent()) {
            return follow(inFlight.get());
        }
        return maybeSend();
    }

    // ---------------------------------------------------------------- following a transaction

    private AnchorStep follow(AnchorRecord a) throws IOException {
        BigInteger minedNonce = web3j.ethGetTransactionCount(a.fromAddress(), DefaultBlockParameterName.LATEST)
                .send().getTransactionCount();
        Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(a.txHash()).send().getTransactionReceipt();
        if (receipt.isEmpty()) {
            if (a.status() == AnchorStatus.MINED) {
                // Its block left the canonical chain. The same signed bytes go out again below.
                jdbc.update("""
                        UPDATE log.anchors SET status = 'PENDING', block_number = NULL, block_hash = NULL,
                               block_time = NULL, gas_used = NULL, effective_gas_price = NULL,
                               reorg_count = reorg_count + 1, updated_at = now() WHERE id = ?""", a.id());
                log.warn("anchor tx {} for size {} was reorged out of block {}; re-broadcasting it",
                        a.txHash(), a.treeSize(), a.blockNumber().orElse(-1L));
            }
            if (minedNonce.longValueExact() > a.nonce()) {
                // Our nonce was used by another transaction: this one can never be mined.
                markDropped(a, "nonce " + a.nonce() + " was consumed by another transaction");
                return new AnchorStep.Dropped(a.treeSize(), a.txHash(), "replaced");
            }
            boolean known = web3j.ethGetTransactionByHash(a.txHash()).send().getTransaction().isPresent();
            if (!known) {
                broadcast(a.id(), a.txHash(), rawTx(a.id()));
                return new AnchorStep.Rebroadcast(a.treeSize(), a.txHash());
            }
            return new AnchorStep.Waiting(a.treeSize(), a.txHash(), "PENDING");
        }
        TransactionReceipt r = receipt.get();
        long block = r.getBlockNumber().longValueExact();
        if (!r.isStatusOK()) {
            jdbc.update("""
                    UPDATE log.anchors SET status = 'FAILED', block_number = ?, block_hash = ?, gas_used = ?,
                           effective_gas_price = ?, last_error = 'reverted', updated_at = now() WHERE id = ?""",
                    block, r.getBlockHash(), r.getGasUsed().longValueExact(), gasPrice(r), a.id());
            state.addGas(r.getGasUsed().longValueExact());
            log.error("anchor tx {} for size {} reverted in block {}", a.txHash(), a.treeSize(), block);
            return new AnchorStep.Dropped(a.treeSize(), a.txHash(), "reverted");
        }
        if (a.status() == AnchorStatus.PENDING || !a.blockHash().orElse("").equals(r.getBlockHash())) {
            EthBlock.Block b = web3j.ethGetBlockByHash(r.getBlockHash(), false).send().getBlock();
            Instant blockTime = b == null ? null : Instant.ofEpochSecond(b.getTimestamp().longValueExact());
            jdbc.update("""
                    UPDATE log.anchors SET status = 'MINED', block_number = ?, block_hash = ?, block_time = ?,
                           gas_used = ?, effective_gas_price = ?, updated_at = now() WHERE id = ?""",
                    block, r.getBlockHash(), blockTime == null ? null : java.sql.Timestamp.from(blockTime),
                    r.getGasUsed().longValueExact(), gasPrice(r), a.id());
        }
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        if (head - block + 1 < props.confirmations()) {
            return new AnchorStep.Waiting(a.treeSize(), a.txHash(), "MINED");
        }
        // Confirmations are only meaningful if the block we count from is still canonical.
        EthBlock.Block canonical = web3j.ethGetBlockByNumber(new DefaultBlockParameterNumber(block), false).send().getBlock();
        if (canonical == null || !r.getBlockHash().equals(canonical.getHash())) {
            return new AnchorStep.Waiting(a.treeSize(), a.txHash(), "MINED");
        }
        jdbc.update("UPDATE log.anchors SET status = 'CONFIRMED', updated_at = now() WHERE id = ?", a.id());
        state.addGas(r.getGasUsed().longValueExact());
        log.info("checkpoint of size {} anchored in block {} (tx {}, {} confirmations)", a.treeSize(), block,
                a.txHash(), head - block + 1);
        return new AnchorStep.Confirmed(a.treeSize(), a.txHash(), block);
    }

    private static java.math.BigDecimal gasPrice(TransactionReceipt r) {
        String p = r.getEffectiveGasPrice();
        return p == null ? null : new java.math.BigDecimal(Numeric.decodeQuantity(p));
    }

    private void markDropped(AnchorRecord a, String why) {
        jdbc.update("UPDATE log.anchors SET status = 'DROPPED', last_error = ?, updated_at = now() WHERE id = ?",
                why, a.id());
        log.warn("anchor tx {} for size {} dropped: {}", a.txHash(), a.treeSize(), why);
    }

    private byte[] rawTx(long id) {
        return jdbc.queryForObject("SELECT raw_tx FROM log.anchors WHERE id = ?", byte[].class, id);
    }

    private void broadcast(long id, String txHash, byte[] raw) throws IOException {
        jdbc.update("UPDATE log.anchors SET broadcast_count = broadcast_count + 1, updated_at = now() WHERE id = ?", id);
        EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(raw)).send();
        if (sent.hasError()) {
            String msg = sent.getError().getMessage();
            jdbc.update("UPDATE log.anchors SET last_error = ? WHERE id = ?", msg, id);
            // "already known" and the like are fine: the next step looks at the chain again.
            log.warn("broadcast of anchor tx {} answered: {}", txHash, msg);
        } else {
            log.info("broadcast anchor tx {}", txHash);
        }
    }

    // ---------------------------------------------------------------- deciding and sending

    private AnchorStep maybeSend() throws IOException {
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

        // Recompute before we publish: the signed checkpoint, the stored tree and the chain must agree.
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
        return send(cp.size(), root, proof);
    }

    private AnchorStep send(long size, Sha256Hash root, ConsistencyProof proof) throws IOException {
        String data = AnchorContract.encodeAnchor(size, root, proof);
        String from = wallet.getAddress();
        EthEstimateGas est = web3j.ethEstimateGas(
                Transaction.createFunctionCallTransaction(from, null, null, null, contract.address(), data)).send();
        if (est.hasError()) {
            // The contract would revert (size not growing, inconsistent history, missing role): do not send.
            throw new IOException("anchor(" + size + ") would revert: " + est.getError().getMessage());
        }
        BigInteger gasLimit = est.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4))
                .add(BigInteger.valueOf(10_000));
        BigInteger priority = priorityFee();
        BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getBaseFeePerGas();
        // Room for the base fee to double a few times before the transaction stalls.
        BigInteger maxFee = (baseFee == null ? BigInteger.ZERO : baseFee).multiply(BigInteger.TWO).add(priority);
        BigInteger nonce = web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING).send().getTransactionCount();
        RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, gasLimit, contract.address(),
                BigInteger.ZERO, data, priority, maxFee);
        byte[] signed = TransactionEncoder.signMessage(tx, wallet);
        String txHash = Numeric.toHexString(Hash.sha3(signed));
        // Remember first, broadcast second (see the class comment). The partial unique index refuses a
        // second live anchor for this size even if two workers got here at once.
        Long id = jdbc.queryForObject("""
                INSERT INTO log.anchors (tree_size, root_hash, chain_id, contract_address, from_address, tx_hash,
                       nonce, raw_tx, max_fee_per_gas, max_priority_fee_per_gas, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') RETURNING id""", Long.class,
                size, root.toBytes(), chainId, contract.address().toLowerCase(java.util.Locale.ROOT), from, txHash,
                nonce.longValueExact(), signed, new java.math.BigDecimal(maxFee), new java.math.BigDecimal(priority));
        broadcast(id, txHash, signed);
        log.info("anchoring size {} root {} with tx {} (nonce {})", size, root, txHash, nonce);
        return new AnchorStep.Sent(size, txHash, nonce.longValueExact());
    }

    private BigInteger priorityFee() {
        try {
            BigInteger p = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
            if (p != null && p.signum() > 0) {
                return p;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("eth_maxPriorityFeePerGas unavailable: {}", e.toString());
        }
        return BigInteger.valueOf(1_000_000_000L); // 1 gwei
    }
}
