package kg.vareg.worker.tokenregistry;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.contracts.generated.TokenRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple6;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/**
 * Mirrors the register's emission statuses into TokenRegistry (docs/contracts.md): reads the log's entries
 * in leaf order (only what is in the signed log is mirrored), keeps per emission the status the register
 * wants, and writes {@code setStatus(chainId, token, number, state, vaType, quantity)} where the chain
 * differs.
 *
 * <p>Idempotent and restart-safe: (1) reading the log and advancing the cursor commit together; (2) before
 * a write the contract's {@code statusOf} is compared with the wanted status — equal means nothing is sent
 * (a crash after a mined write never writes it twice); (3) a transaction's hash is stored BEFORE it is
 * broadcast and followed after a restart (mined ⇒ done; still known to the node ⇒ wait; unknown ⇒ decide
 * afresh from {@code statusOf}). Runs under the worker's leader lock, so one wallet nonce sequence.
 */
public class TokenRegistrySync {

    private static final Logger log = LoggerFactory.getLogger(TokenRegistrySync.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Web3j web3j;
    private final Credentials wallet;
    private final long workerChainId;
    private final String workerChainName;
    private final TokenRegistryProperties props;
    private final TokenRegistry registry;

    public TokenRegistrySync(JdbcTemplate jdbc, TransactionTemplate tx, Web3j web3j, Credentials wallet,
                             long workerChainId, String workerChainName, TokenRegistryProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.web3j = web3j;
        this.wallet = wallet;
        this.workerChainId = workerChainId;
        this.workerChainName = workerChainName;
        this.props = props;
        this.registry = TokenRegistry.load(props.contractAddress(), web3j,
                new ReadonlyTransactionManager(web3j, wallet.getAddress()), new DefaultGasProvider());
    }

    /** What one run did. */
    public record Run(int entriesRead, int written, int alreadyOnChain, int waiting) {
    }

    public Run runOnce() throws IOException {
        int read = 0;
        for (int n; (n = ingest()) > 0; ) {
            read += n;
        }
        int written = 0;
        int already = 0;
        int waiting = 0;
        for (Wanted w : toWrite()) {
            switch (write(w)) {
                case WRITTEN -> written++;
                case ALREADY_ON_CHAIN -> already++;
                case WAITING -> waiting++;
            }
        }
        if (written + already > 0) {
            log.info("TokenRegistry: {} statuses written, {} already on-chain", written, already);
        }
        return new Run(read, written, already, waiting);
    }

    // ------------------------------------------------------------------ 1. the log → wanted statuses

    /** One batch of log entries, in one transaction with the cursor. Returns how many were read. */
    int ingest() {
        Integer n = tx.execute(status -> {
            long next = jdbc.queryForObject(
                    "SELECT next_leaf_index FROM log.token_registry_cursor WHERE id = 1 FOR UPDATE", Long.class);
            int[] count = {0};
            long[] last = {next - 1};
            jdbc.query("""
                    SELECT l.leaf_index, j.canonical_json FROM log.leaves l JOIN registry.journal j ON j.id = l.journal_id
                     WHERE l.leaf_index >= ? ORDER BY l.leaf_index LIMIT ?""", rs -> {
                long index = rs.getLong(1);
                RegisterRecordReader.read(rs.getBytes(2)).ifPresent(c -> apply(index, c));
                last[0] = index;
                count[0]++;
            }, next, props.batchSize());
            if (count[0] > 0) {
                jdbc.update("UPDATE log.token_registry_cursor SET next_leaf_index = ? WHERE id = 1", last[0] + 1);
            }
            return count[0];
        });
        return n == null ? 0 : n;
    }

    private void apply(long leafIndex, RegisterRecordReader.Change c) {
        Optional<Integer> state = c.state().flatMap(TokenStatus::stateCode);
        Optional<Map<String, Object>> entry = c.entry();
        boolean known = jdbc.queryForObject("SELECT count(*) FROM log.token_registry_status WHERE emission_id = ?",
                Integer.class, c.emissionId()) > 0;
        if (!known && state.isEmpty()) {
            return; // DRAFT, SUBMITTED, REFUSED, … : not in the register, nothing to mirror
        }
        if (!known) {
            jdbc.update("INSERT INTO log.token_registry_status (emission_id, state, wanted_leaf_index) VALUES (?, ?, ?)",
                    c.emissionId(), state.get(), leafIndex);
        }
        if (entry.isPresent()) {
            Map<String, Object> e = entry.get();
            String blockchain = text(e.get("blockchain"));
            Optional<Long> chainId = TokenStatus.chainId(blockchain, props.chainIds(), workerChainName, workerChainId);
            String token = text(e.get("tokenAddress"));
            BigDecimal quantity = Optional.ofNullable(text(e.get("onChainSupply"))).map(BigDecimal::new).orElse(null);
            Integer vaType = TokenStatus.vaTypeCode(text(e.get("vaType"))).orElse(null);
            String skipped = chainId.isEmpty() ? "unknown blockchain '" + blockchain + "' (set vareg.token-registry.chain-ids)"
                    : token == null ? "no token address" : vaType == null ? "unknown VA type " + e.get("vaType") : null;
            jdbc.update("""
                    UPDATE log.token_registry_status SET blockchain = ?, chain_id = ?, token_address = ?, va_type = ?,
                           registered_quantity = ?, skipped_reason = ?, wanted_leaf_index = ?, updated_at = now()
                     WHERE emission_id = ?""",
                    blockchain, chainId.orElse(null), token, vaType, quantity, skipped, leafIndex, c.emissionId());
            if (skipped != null) {
                log.warn("TokenRegistry: emission {} is not mirrored: {}", c.emissionId(), skipped);
            }
        }
        c.registrationNumber().ifPresent(number -> jdbc.update(
                "UPDATE log.token_registry_status SET registration_number = ? WHERE emission_id = ?", number, c.emissionId()));
        state.ifPresent(s -> jdbc.update("""
                UPDATE log.token_registry_status SET state = ?, wanted_leaf_index = ?, updated_at = now()
                 WHERE emission_id = ?""", s, leafIndex, c.emissionId()));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    // ------------------------------------------------------------------ 2. wanted statuses → the chain

    record Wanted(String emissionId, long leafIndex, TokenStatus status, Optional<String> pendingTx,
                  Optional<Long> pendingLeaf) {
    }

    enum Outcome { WRITTEN, ALREADY_ON_CHAIN, WAITING }

    List<Wanted> toWrite() {
        return jdbc.query("""
                SELECT emission_id, wanted_leaf_index, chain_id, token_address, registration_number, state, va_type,
                       registered_quantity, pending_tx_hash, pending_leaf_index
                  FROM log.token_registry_status
                 WHERE (synced_leaf_index IS NULL OR synced_leaf_index < wanted_leaf_index)
                   AND skipped_reason IS NULL AND chain_id IS NOT NULL AND token_address IS NOT NULL
                   AND registration_number IS NOT NULL AND va_type IS NOT NULL AND registered_quantity IS NOT NULL
                 ORDER BY wanted_leaf_index LIMIT ?""", (rs, i) -> new Wanted(rs.getString(1), rs.getLong(2),
                new TokenStatus(rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
                        rs.getBigDecimal(8).toBigIntegerExact()),
                Optional.ofNullable(rs.getString(9)), Optional.ofNullable((Long) rs.getObject(10))), props.batchSize());
    }

    Outcome write(Wanted w) throws IOException {
        if (w.pendingTx().isPresent()) {
            Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(w.pendingTx().get()).send()
                    .getTransactionReceipt();
            if (receipt.isEmpty() && web3j.ethGetTransactionByHash(w.pendingTx().get()).send().getTransaction().isPresent()) {
                return Outcome.WAITING; // broadcast before a restart, not mined yet
            }
            if (receipt.isPresent() && receipt.get().isStatusOK() && w.pendingLeaf().orElse(-1L) == w.leafIndex()) {
                markSynced(w, w.pendingTx().get());
                return Outcome.WRITTEN;
            }
            // Mined for an older wanted status, reverted, or dropped: decide afresh from the contract.
        }
        if (onChainEquals(w.status())) {
            markSynced(w, null);
            return Outcome.ALREADY_ON_CHAIN;
        }
        String txHash = send(w);
        TransactionReceipt r;
        try {
            r = new org.web3j.tx.response.PollingTransactionReceiptProcessor(web3j, 200, 150)
                    .waitForTransactionReceipt(txHash);
        } catch (org.web3j.protocol.exceptions.TransactionException e) {
            // Not mined within 30 s: the pending hash is stored; the next run follows it.
            return Outcome.WAITING;
        }
        if (!r.isStatusOK()) {
            jdbc.update("UPDATE log.token_registry_status SET pending_tx_hash = NULL, last_error = ? WHERE emission_id = ?",
                    "setStatus reverted in tx " + txHash, w.emissionId());
            throw new IOException("TokenRegistry.setStatus reverted for emission " + w.emissionId() + " (tx " + txHash + ")");
        }
        markSynced(w, txHash);
        return Outcome.WRITTEN;
    }

    private boolean onChainEquals(TokenStatus s) throws IOException {
        try {
            Tuple6<Boolean, byte[], BigInteger, BigInteger, BigInteger, BigInteger> on = registry.statusOf(
                    BigInteger.valueOf(s.chainId()), s.token()).send();
            return Arrays.equals(on.component2(), TokenStatus.bytes12(s.registrationNumber()))
                    && on.component3().intValueExact() == s.state() && on.component4().intValueExact() == s.vaType()
                    && on.component5().equals(s.registeredQuantity());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("TokenRegistry.statusOf failed: " + e.getMessage(), e);
        }
    }

    private String send(Wanted w) throws IOException {
        TokenStatus s = w.status();
        String data = registry.setStatus(BigInteger.valueOf(s.chainId()), s.token(), TokenStatus.bytes12(s.registrationNumber()),
                BigInteger.valueOf(s.state()), BigInteger.valueOf(s.vaType()), s.registeredQuantity()).encodeFunctionCall();
        String from = wallet.getAddress();
        EthEstimateGas est = web3j.ethEstimateGas(
                Transaction.createFunctionCallTransaction(from, null, null, null, props.contractAddress(), data)).send();
        if (est.hasError()) {
            // Would revert (no UPDATER_ROLE, bad code): never sent; recorded and retried next run.
            jdbc.update("UPDATE log.token_registry_status SET last_error = ? WHERE emission_id = ?",
                    "setStatus would revert: " + est.getError().getMessage(), w.emissionId());
            throw new IOException("TokenRegistry.setStatus would revert: " + est.getError().getMessage());
        }
        BigInteger gasLimit = est.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4));
        BigInteger priority = BigInteger.valueOf(1_000_000_000L);
        try {
            BigInteger p = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
            if (p != null && p.signum() > 0) {
                priority = p;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("eth_maxPriorityFeePerGas unavailable: {}", e.toString());
        }
        BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getBaseFeePerGas();
        BigInteger maxFee = (baseFee == null ? BigInteger.ZERO : baseFee).multiply(BigInteger.TWO).add(priority);
        BigInteger nonce = web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING).send().getTransactionCount();
        byte[] signed = TransactionEncoder.signMessage(RawTransaction.createTransaction(workerChainId, nonce, gasLimit,
                props.contractAddress(), BigInteger.ZERO, data, priority, maxFee), wallet);
        String txHash = Numeric.toHexString(Hash.sha3(signed));
        // Remember first, broadcast second: after a crash the transaction is followed, not re-decided blindly.
        jdbc.update("""
                UPDATE log.token_registry_status SET pending_tx_hash = ?, pending_leaf_index = ?, updated_at = now()
                 WHERE emission_id = ?""", txHash, w.leafIndex(), w.emissionId());
        EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send();
        if (sent.hasError()) {
            jdbc.update("UPDATE log.token_registry_status SET pending_tx_hash = NULL, last_error = ? WHERE emission_id = ?",
                    "broadcast failed: " + sent.getError().getMessage(), w.emissionId());
            throw new IOException("TokenRegistry.setStatus broadcast failed: " + sent.getError().getMessage());
        }
        log.info("TokenRegistry.setStatus({}, {}, {}, state {}) for emission {}: tx {}", s.chainId(), s.token(),
                s.registrationNumber(), s.state(), w.emissionId(), txHash);
        return txHash;
    }

    private void markSynced(Wanted w, String txHash) {
        jdbc.update("""
                UPDATE log.token_registry_status SET synced_leaf_index = ?, pending_tx_hash = NULL, pending_leaf_index = NULL,
                       last_tx_hash = coalesce(?, last_tx_hash), last_error = NULL, updated_at = now()
                 WHERE emission_id = ?""", w.leafIndex(), txHash, w.emissionId());
    }
}
