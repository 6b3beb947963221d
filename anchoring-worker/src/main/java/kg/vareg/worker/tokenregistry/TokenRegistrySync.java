package kg.vareg.worker.tokenregistry;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.contracts.generated.TokenRegistry;
import kg.vareg.worker.sender.FenceToken;
import kg.vareg.worker.sender.Submission;
import kg.vareg.worker.sender.TxRequest;
import kg.vareg.worker.sender.TxSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.tuples.generated.Tuple6;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

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
 * afresh from {@code statusOf}). Every write goes through the worker's one {@link TxSender} (nonces,
 * fee bumps, re-broadcast, fee caps, fencing), under the worker's leader lock: one wallet, one nonce sequence.
 */
public class TokenRegistrySync {

    private static final Logger log = LoggerFactory.getLogger(TokenRegistrySync.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    static final String PURPOSE = "token-registry:";

    private final TxSender sender;
    private final String instanceId;
    private final long workerChainId;
    private final String workerChainName;
    private final TokenRegistryProperties props;
    private final TokenRegistry registry;

    public TokenRegistrySync(JdbcTemplate jdbc, TransactionTemplate tx, Web3j web3j, TxSender sender, String instanceId,
                             long workerChainId, String workerChainName, TokenRegistryProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sender = sender;
        this.instanceId = instanceId;
        this.workerChainId = workerChainId;
        this.workerChainName = workerChainName;
        this.props = props;
        this.registry = TokenRegistry.load(props.contractAddress(), web3j,
                new ReadonlyTransactionManager(web3j, sender.wallet()), new DefaultGasProvider());
    }

    /** What one run did. */
    public record Run(int entriesRead, int written, int alreadyOnChain, int waiting) {
    }

    /**
     * One run under a fresh fencing token (the caller holds the leader lease): read the log, follow the
     * writes in flight, submit the missing ones through the sender, and follow once more so that a write
     * mined at once (a dev chain) counts in this run. Never blocks on a receipt: a write that is not
     * mined yet is followed by the next run. Bounded by {@code vareg.sender.tick-budget}.
     */
    public Run runOnce() throws IOException {
        FenceToken token = sender.fence().acquire(instanceId);
        long deadline = System.nanoTime() + sender.properties().tickBudget().toNanos();
        int read = 0;
        for (int n; (n = ingest()) > 0 && System.nanoTime() < deadline; ) {
            read += n;
        }
        sender.follow(token);
        int written = 0;
        int already = 0;
        int waiting = 0;
        boolean submitted = false;
        for (Wanted w : toWrite()) {
            if (System.nanoTime() > deadline) {
                break;
            }
            Optional<Long> before = pendingRequest(w.emissionId());
            Outcome o = write(token, w);
            submitted |= o == Outcome.WAITING && !pendingRequest(w.emissionId()).equals(before);
            switch (o) {
                case WRITTEN -> written++;
                case ALREADY_ON_CHAIN -> already++;
                case WAITING -> waiting++;
            }
        }
        if (submitted) {
            sender.follow(token);
            for (Wanted w : toWrite()) {
                if (followPending(w).orElse(Outcome.WAITING) == Outcome.WRITTEN) {
                    written++;
                    waiting--;
                }
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

    private Optional<Long> pendingRequest(String emissionId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT pending_request_id FROM log.token_registry_status WHERE emission_id = ?", Long.class, emissionId));
    }

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

    Outcome write(FenceToken token, Wanted w) throws IOException {
        Optional<Outcome> followed = followPending(w);
        if (followed.isPresent()) {
            return followed.get();
        }
        if (onChainEquals(w.status())) {
            markSynced(w, null);
            return Outcome.ALREADY_ON_CHAIN;
        }
        send(token, w);
        return Outcome.WAITING;
    }

    /** The outcome of the write in flight for {@code w}, empty when there is none (or it must be re-decided). */
    private Optional<Outcome> followPending(Wanted w) throws IOException {
        Long requestId = jdbc.queryForObject(
                "SELECT pending_request_id FROM log.token_registry_status WHERE emission_id = ?", Long.class, w.emissionId());
        Optional<TxRequest> req = requestId == null ? Optional.empty() : sender.request(requestId);
        if (req.isEmpty()) {
            return Optional.empty();
        }
        TxRequest r = req.get();
        switch (r.status()) {
            case PENDING -> {
                return Optional.of(Outcome.WAITING);
            }
            case INCLUDED, FINAL -> {
                if (w.pendingLeaf().orElse(-1L) == w.leafIndex()) {
                    markSynced(w, r.includedTxHash().orElseThrow());
                    return Optional.of(Outcome.WRITTEN);
                }
                clearPending(w, null); // mined for an older wanted status: decide afresh from the contract
                return Optional.empty();
            }
            case REVERTED -> {
                clearPending(w, "setStatus reverted in tx " + r.includedTxHash().orElse("?"));
                throw new IOException("TokenRegistry.setStatus reverted for emission " + w.emissionId() + " (tx "
                        + r.includedTxHash().orElse("?") + ")");
            }
            default -> {
                clearPending(w, "nonce " + r.nonce() + " " + r.status().name().toLowerCase(java.util.Locale.ROOT));
                return Optional.empty();
            }
        }
    }

    private void clearPending(Wanted w, String error) {
        jdbc.update("""
                UPDATE log.token_registry_status SET pending_request_id = NULL, pending_tx_hash = NULL,
                       pending_leaf_index = NULL, last_error = coalesce(?, last_error), updated_at = now()
                 WHERE emission_id = ?""", error, w.emissionId());
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

    private void send(FenceToken token, Wanted w) throws IOException {
        TokenStatus s = w.status();
        String data = registry.setStatus(BigInteger.valueOf(s.chainId()), s.token(), TokenStatus.bytes12(s.registrationNumber()),
                BigInteger.valueOf(s.state()), BigInteger.valueOf(s.vaType()), s.registeredQuantity()).encodeFunctionCall();
        Submission sub;
        try {
            sub = sender.submit(token, PURPOSE + w.emissionId() + "@" + w.leafIndex(), props.contractAddress(), data,
                    (requestId, nonce, txHash) -> jdbc.update("""
                            UPDATE log.token_registry_status SET pending_request_id = ?, pending_tx_hash = ?,
                                   pending_leaf_index = ?, updated_at = now() WHERE emission_id = ?""",
                            requestId, txHash, w.leafIndex(), w.emissionId()));
        } catch (IOException e) {
            // Would revert (no UPDATER_ROLE, bad code): never sent; recorded and retried next run.
            jdbc.update("UPDATE log.token_registry_status SET last_error = ? WHERE emission_id = ?",
                    "setStatus " + e.getMessage(), w.emissionId());
            throw e;
        }
        if (sub instanceof Submission.Refused refused) {
            jdbc.update("UPDATE log.token_registry_status SET last_error = ? WHERE emission_id = ?", refused.why(),
                    w.emissionId());
            throw new IOException("TokenRegistry.setStatus held back: " + refused.why());
        }
        Submission.Accepted ok = (Submission.Accepted) sub;
        log.info("TokenRegistry.setStatus({}, {}, {}, state {}) for emission {}: tx {}", s.chainId(), s.token(),
                s.registrationNumber(), s.state(), w.emissionId(), ok.txHash());
    }

    private void markSynced(Wanted w, String txHash) {
        jdbc.update("""
                UPDATE log.token_registry_status SET synced_leaf_index = ?, pending_tx_hash = NULL, pending_leaf_index = NULL,
                       pending_request_id = NULL,
                       last_tx_hash = coalesce(?, last_tx_hash), last_error = NULL, updated_at = now()
                 WHERE emission_id = ?""", w.leafIndex(), txHash, w.emissionId());
    }
}
