package kg.vareg.worker.sender;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The one transaction sender of the worker: every on-chain write (anchors, TokenRegistry statuses)
 * goes through it, so one wallet has exactly one nonce sequence (docs/anchoring.md, "Transaction sender").
 *
 * <ul>
 * <li>Nonces: the next nonce is the larger of the chain's pending count and the stored history + 1,
 *     allocated in the same database transaction that checks the leader's fencing token and stores
 *     the request — never two sequences, never a gap the sender does not itself fill.</li>
 * <li>Store, then broadcast: the signed raw transaction is in {@code log.tx_attempts} before it goes
 *     out; a crash in between is healed by re-broadcasting the stored bytes.</li>
 * <li>Follow every hash sent for a nonce until one is included; a dropped one is re-broadcast; after
 *     {@code bump-after-blocks} blocks without inclusion a replacement raises both EIP-1559 fees by
 *     at least 12.5 %; an obsolete payload is cancelled by a 0-value self-transfer at its nonce.</li>
 * <li>Fee caps per transaction and per UTC day: when reached, nothing more is signed, an error is
 *     logged and health is DEGRADED (never a silent stall).</li>
 * <li>Finality: K confirmations on the canonical chain, or the chain's {@code safe}/{@code finalized} tag;
 *     an included transaction whose block left the chain goes back to PENDING and is re-broadcast.</li>
 * </ul>
 */
public class TxSender {

    private static final Logger log = LoggerFactory.getLogger(TxSender.class);
    private static final long CANCEL_GAS = 21_000;
    private static final int FOLLOW_LIMIT = 64;

    /** Test seam: runs after a transaction is stored and before it is broadcast (crash injection). */
    @FunctionalInterface
    public interface BroadcastHook {
        BroadcastHook NONE = txHash -> { };

        void beforeBroadcast(String txHash);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Web3j web3j;
    private final Credentials wallet;
    private final String from;
    private final long chainId;
    private final SenderProperties props;
    private final int confirmations;
    private final SenderFence fence;
    private final SenderState state;
    private final Clock clock;
    private final BroadcastHook hook;
    private final Map<String, Predicate<TxRequest>> obsolescence = new ConcurrentHashMap<>();

    public TxSender(JdbcTemplate jdbc, TransactionTemplate tx, Web3j web3j, Credentials wallet, long chainId,
                    SenderProperties props, int confirmations, SenderState state, Clock clock, BroadcastHook hook) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.web3j = web3j;
        this.wallet = wallet;
        this.from = wallet.getAddress().toLowerCase(Locale.ROOT);
        this.chainId = chainId;
        this.props = props;
        this.confirmations = confirmations;
        this.fence = new SenderFence(jdbc, chainId, from);
        this.state = state;
        this.clock = clock;
        this.hook = hook;
    }

    public String wallet() {
        return from;
    }

    public SenderFence fence() {
        return fence;
    }

    public SenderState state() {
        return state;
    }

    public SenderProperties properties() {
        return props;
    }

    /** Registers when a pending request whose purpose starts with {@code prefix} is obsolete (then cancelled). */
    public void onObsolete(String prefix, Predicate<TxRequest> obsolete) {
        obsolescence.put(prefix, obsolete);
    }

    // ------------------------------------------------------------------------------------- submit

    /** Runs inside the transaction that stores a new request, so the caller's bookkeeping commits with it. */
    @FunctionalInterface
    public interface OnStored {
        void stored(long requestId, long nonce, String txHash);
    }

    /**
     * Signs, stores and broadcasts a call of {@code data} on {@code to}; {@code onStored} runs in the same
     * database transaction as the stored request. Throws {@link IOException} when the call would revert
     * (nothing signed), {@link StaleLeaderException} when the fence moved on (nothing stored or sent).
     */
    public Submission submit(FenceToken token, String purpose, String to, String data, OnStored onStored)
            throws IOException {
        EthEstimateGas est = web3j.ethEstimateGas(
                Transaction.createFunctionCallTransaction(from, null, null, null, to, data)).send();
        if (est.hasError()) {
            throw new IOException(purpose + " would revert: " + est.getError().getMessage());
        }
        long gasLimit = est.getAmountUsed().longValueExact() * 5 / 4 + 10_000;
        Fees fees = market();
        Optional<String> refusal = affordable(fees.worstCost(gasLimit), true);
        if (refusal.isPresent()) {
            return refuse(purpose + ": " + refusal.get());
        }
        long head = head();
        BigInteger chainPending = web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
        Signed s = tx.execute(status -> {
            fence.check(token);
            long stored = jdbc.queryForObject("""
                    SELECT coalesce(max(nonce) + 1, 0) FROM log.tx_requests WHERE chain_id = ? AND wallet = ?""",
                    Long.class, chainId, from);
            long nonce = Math.max(stored, chainPending.longValueExact());
            if (nonce > stored && stored > 0) {
                log.warn("wallet {} used nonces {}..{} outside this worker: continuing at {}", from, stored,
                        nonce - 1, nonce);
            }
            Long id = jdbc.queryForObject("""
                    INSERT INTO log.tx_requests (chain_id, wallet, nonce, purpose, to_address, data, gas_limit,
                           fence_epoch, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') RETURNING id""", Long.class,
                    chainId, from, nonce, purpose, to.toLowerCase(Locale.ROOT), Numeric.hexStringToByteArray(data),
                    gasLimit, token.epoch());
            Signed signed = store(id, "ORIGINAL", RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
                    BigInteger.valueOf(gasLimit), to, BigInteger.ZERO, data, fees.maxPriorityFeePerGas(),
                    fees.maxFeePerGas()), fees, gasLimit, head);
            onStored.stored(id, nonce, signed.txHash);
            return signed;
        });
        state.clear();
        broadcast(token, s);
        log.info("{}: tx {} (nonce {}, max fee {} wei/gas, tip {})", purpose, s.txHash, s.nonce, fees.maxFeePerGas(),
                fees.maxPriorityFeePerGas());
        return new Submission.Accepted(s.requestId, s.nonce, s.txHash);
    }

    private record Signed(long requestId, long attemptId, long nonce, String txHash, byte[] raw) {
    }

    /** Signs and stores one attempt; the caller's transaction commits it before any broadcast. */
    private Signed store(long requestId, String kind, RawTransaction raw, Fees fees, long gasLimit, long head) {
        byte[] signed = TransactionEncoder.signMessage(raw, wallet);
        String txHash = Numeric.toHexString(Hash.sha3(signed));
        Long attempt = jdbc.queryForObject("""
                INSERT INTO log.tx_attempts (request_id, kind, tx_hash, raw_tx, max_fee_per_gas, max_priority_fee_per_gas,
                       gas_limit, signed_at_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                requestId, kind, txHash, signed, new BigDecimal(fees.maxFeePerGas()),
                new BigDecimal(fees.maxPriorityFeePerGas()), gasLimit, head);
        return new Signed(requestId, attempt, raw.getNonce().longValueExact(), txHash, signed);
    }

    private void broadcast(FenceToken token, Signed s) throws IOException {
        hook.beforeBroadcast(s.txHash);
        rebroadcast(token, s.attemptId, s.txHash, s.raw);
    }

    private void rebroadcast(FenceToken token, long attemptId, String txHash, byte[] raw) throws IOException {
        tx.executeWithoutResult(status -> {
            fence.check(token);
            jdbc.update("UPDATE log.tx_attempts SET broadcast_count = broadcast_count + 1 WHERE id = ?", attemptId);
        });
        EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(raw)).send();
        if (sent.hasError()) {
            // "already known", "nonce too low" (another attempt was mined), underpriced: the next follow decides.
            jdbc.update("UPDATE log.tx_attempts SET last_error = ? WHERE id = ?", sent.getError().getMessage(), attemptId);
            log.warn("broadcast of tx {} answered: {}", txHash, sent.getError().getMessage());
        }
    }

    // ------------------------------------------------------------------------------------- follow

    /** What one {@link #follow} pass changed. */
    public record FollowReport(int included, int finalized, int bumped, int cancelled, int rebroadcast, int reorged,
                               int dropped) {
    }

    /**
     * Follows every open request of the wallet (oldest nonce first): inclusion, reorgs, finality,
     * re-broadcast of dropped transactions, fee bumps after {@code bump-after-blocks}, cancellation of
     * obsolete payloads.
     */
    public FollowReport follow(FenceToken token) throws IOException {
        int[] c = new int[7];
        List<Open> open = jdbc.query("""
                SELECT r.id, r.nonce, r.purpose, r.to_address, r.status, r.included_tx_hash, r.block_number, r.block_hash,
                       r.gas_used, r.reorg_count, r.cancel_requested, r.gas_limit
                  FROM log.tx_requests r WHERE r.chain_id = ? AND r.wallet = ? AND r.status IN ('PENDING', 'INCLUDED')
                 ORDER BY r.nonce LIMIT ?""", OPEN, chainId, from, FOLLOW_LIMIT);
        if (open.isEmpty()) {
            return new FollowReport(0, 0, 0, 0, 0, 0, 0);
        }
        long head = head();
        long minedNonces = web3j.ethGetTransactionCount(from, DefaultBlockParameterName.LATEST).send()
                .getTransactionCount().longValueExact();
        Optional<Long> tagged = finalityTagBlock();
        for (Open r : open) {
            List<Attempt> attempts = attempts(r.id);
            if (r.status.equals("PENDING")) {
                Optional<Open> included = followPending(token, r, attempts, head, minedNonces, c);
                if (included.isEmpty()) {
                    continue;
                }
                r = included.get();
            }
            followIncluded(token, r, attempts, head, tagged, c);
        }
        return new FollowReport(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    private void followIncluded(FenceToken token, Open r, List<Attempt> attempts, long head, Optional<Long> tagged,
                                int[] c) throws IOException {
        Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(r.includedTxHash).send()
                .getTransactionReceipt();
        if (receipt.isEmpty()) {
            // Its block left the canonical chain: back to PENDING, the same signed bytes go out again.
            jdbc.update("""
                    UPDATE log.tx_requests SET status = 'PENDING', included_tx_hash = NULL, block_number = NULL,
                           block_hash = NULL, gas_used = NULL, effective_gas_price = NULL, reorg_count = reorg_count + 1,
                           updated_at = now() WHERE id = ?""", r.id);
            log.warn("tx {} (nonce {}) was reorged out of block {}; re-broadcasting it", r.includedTxHash, r.nonce,
                    r.blockNumber);
            Attempt a = attempts.stream().filter(x -> x.txHash.equals(r.includedTxHash)).findFirst().orElseThrow();
            rebroadcast(token, a.id, a.txHash, a.raw);
            c[5]++;
            return;
        }
        TransactionReceipt rc = receipt.get();
        if (!rc.getBlockHash().equals(r.blockHash)) {
            recordInclusion(r.id, rc, "INCLUDED");
        }
        long block = rc.getBlockNumber().longValueExact();
        boolean fin = switch (props.finality()) {
            case CONFIRMATIONS -> head - block + 1 >= confirmations;
            case SAFE, FINALIZED -> tagged.map(t -> t >= block).orElse(false);
        };
        if (fin && canonical(block, rc.getBlockHash())) {
            jdbc.update("UPDATE log.tx_requests SET status = ?, updated_at = now() WHERE id = ?",
                    rc.isStatusOK() ? "FINAL" : "REVERTED", r.id);
            c[1]++;
        }
    }

    /** Follows a PENDING request; returns it re-read when one of its attempts is now included (not cancelled). */
    private Optional<Open> followPending(FenceToken token, Open r, List<Attempt> attempts, long head, long minedNonces,
                                         int[] c) throws IOException {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Attempt a = attempts.get(i);
            Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(a.txHash).send().getTransactionReceipt();
            if (receipt.isPresent()) {
                TransactionReceipt rc = receipt.get();
                String status = a.kind.equals("CANCEL") ? "CANCELLED" : rc.isStatusOK() ? "INCLUDED" : "REVERTED";
                recordInclusion(r.id, rc, status);
                log.info("tx {} ({} of nonce {}) included in block {}{}", a.txHash, a.kind, r.nonce,
                        rc.getBlockNumber(), rc.isStatusOK() ? "" : " but REVERTED");
                c[0]++;
                return status.equals("INCLUDED") ? Optional.of(new Open(r.id, r.nonce, r.purpose, r.to, status,
                        rc.getTransactionHash(), rc.getBlockNumber().longValueExact(), rc.getBlockHash(),
                        r.cancelRequested, r.gasLimit)) : Optional.empty();
            }
        }
        if (minedNonces > r.nonce) {
            jdbc.update("""
                    UPDATE log.tx_requests SET status = 'DROPPED', last_error = ?, updated_at = now() WHERE id = ?""",
                    "nonce consumed by a transaction this worker did not send", r.id);
            log.error("nonce {} of wallet {} was consumed by a transaction this worker did not send ({} dropped)",
                    r.nonce, from, r.purpose);
            c[6]++;
            return Optional.empty();
        }
        Attempt last = attempts.getLast();
        boolean cancel = r.cancelRequested || obsolete(r);
        if (cancel && !r.cancelRequested) {
            jdbc.update("UPDATE log.tx_requests SET cancel_requested = true, updated_at = now() WHERE id = ?", r.id);
            log.warn("{} (nonce {}) became obsolete: cancelling it with a 0-value self-transfer", r.purpose, r.nonce);
        }
        if ((cancel && !last.kind.equals("CANCEL")) || head - last.signedAtBlock >= props.bumpAfterBlocks()) {
            if (replace(token, r, last, cancel, head)) {
                c[cancel ? 3 : 2]++;
                return Optional.empty();
            }
        }
        if (web3j.ethGetTransactionByHash(last.txHash).send().getTransaction().isEmpty()) {
            rebroadcast(token, last.id, last.txHash, last.raw);
            c[4]++;
        }
        return Optional.empty();
    }

    /** A replacement at the same nonce with both fees raised; false when a fee cap forbids it. */
    private boolean replace(FenceToken token, Open r, Attempt last, boolean cancel, long head) throws IOException {
        Fees fees = last.fees.bumped(props.feeBumpPercent(), market());
        long gasLimit = cancel ? CANCEL_GAS : last.gasLimit;
        Optional<String> refusal = affordable(fees.worstCost(gasLimit).subtract(last.fees.worstCost(last.gasLimit))
                .max(BigInteger.ZERO), false)
                .or(() -> fees.worstCost(gasLimit).compareTo(props.maxFeePerTxWei()) > 0
                        ? Optional.of("replacement would cost up to " + fees.worstCost(gasLimit)
                                + " wei, over the per-transaction cap of " + props.maxFeePerTxWei())
                        : Optional.empty());
        if (refusal.isPresent()) {
            refuse(r.purpose + " (nonce " + r.nonce + ") stuck: " + refusal.get());
            return false;
        }
        String kind = cancel ? "CANCEL" : "BUMP";
        RawTransaction raw = cancel
                ? RawTransaction.createTransaction(chainId, BigInteger.valueOf(r.nonce), BigInteger.valueOf(gasLimit),
                        wallet.getAddress(), BigInteger.ZERO, "0x", fees.maxPriorityFeePerGas(), fees.maxFeePerGas())
                : RawTransaction.createTransaction(chainId, BigInteger.valueOf(r.nonce), BigInteger.valueOf(gasLimit),
                        r.to, BigInteger.ZERO, Numeric.toHexString(requestData(r.id)), fees.maxPriorityFeePerGas(),
                        fees.maxFeePerGas());
        Signed s = tx.execute(status -> {
            fence.check(token);
            return store(r.id, kind, raw, fees, gasLimit, head);
        });
        log.warn("{} (nonce {}) not included after {} blocks: {} {} with max fee {} (was {}), tip {} (was {})",
                r.purpose, r.nonce, head - last.signedAtBlock, kind, s.txHash, fees.maxFeePerGas(),
                last.fees.maxFeePerGas(), fees.maxPriorityFeePerGas(), last.fees.maxPriorityFeePerGas());
        broadcast(token, s);
        return true;
    }

    private boolean obsolete(Open r) {
        return obsolescence.entrySet().stream().filter(e -> r.purpose.startsWith(e.getKey()))
                .anyMatch(e -> e.getValue().test(request(r.id).orElseThrow()));
    }

    private void recordInclusion(long id, TransactionReceipt rc, String status) {
        String price = rc.getEffectiveGasPrice();
        jdbc.update("""
                UPDATE log.tx_requests SET status = ?, included_tx_hash = ?, block_number = ?, block_hash = ?, gas_used = ?,
                       effective_gas_price = ?, updated_at = now() WHERE id = ?""", status, rc.getTransactionHash(),
                rc.getBlockNumber().longValueExact(), rc.getBlockHash(), rc.getGasUsed().longValueExact(),
                price == null ? null : new BigDecimal(Numeric.decodeQuantity(price)), id);
    }

    private boolean canonical(long block, String hash) throws IOException {
        EthBlock.Block b = web3j.ethGetBlockByNumber(new DefaultBlockParameterNumber(block), false).send().getBlock();
        return b != null && hash.equals(b.getHash());
    }

    private Optional<Long> finalityTagBlock() throws IOException {
        DefaultBlockParameter tag = switch (props.finality()) {
            case CONFIRMATIONS -> null;
            case SAFE -> DefaultBlockParameterName.SAFE;
            case FINALIZED -> DefaultBlockParameterName.FINALIZED;
        };
        if (tag == null) {
            return Optional.empty();
        }
        EthBlock.Block b = web3j.ethGetBlockByNumber(tag, false).send().getBlock();
        return Optional.ofNullable(b).map(x -> x.getNumber().longValueExact());
    }

    // ------------------------------------------------------------------------------------- fees and caps

    private Fees market() throws IOException {
        BigInteger priority = BigInteger.valueOf(1_000_000_000L);
        try {
            BigInteger p = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
            if (p != null && p.signum() > 0) {
                priority = p;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("eth_maxPriorityFeePerGas unavailable: {}", e.toString());
        }
        return Fees.market(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getBaseFeePerGas(), priority);
    }

    /** Empty when {@code cost} more wei fit under the caps (and, for a new transaction, the balance). */
    private Optional<String> affordable(BigInteger cost, boolean newTx) throws IOException {
        if (newTx && cost.compareTo(props.maxFeePerTxWei()) > 0) {
            return Optional.of("would cost up to " + cost + " wei, over the per-transaction cap of "
                    + props.maxFeePerTxWei() + " (vareg.sender.max-fee-per-tx-wei)");
        }
        BigInteger today = spentToday();
        if (today.add(cost).compareTo(props.maxFeePerDayWei()) > 0) {
            return Optional.of("daily fee cap reached: " + today + " wei committed today + " + cost + " > "
                    + props.maxFeePerDayWei() + " (vareg.sender.max-fee-per-day-wei)");
        }
        if (newTx) {
            BigInteger balance = web3j.ethGetBalance(from, DefaultBlockParameterName.PENDING).send().getBalance();
            if (balance.compareTo(cost) < 0) {
                return Optional.of("wallet " + from + " is unfunded: holds " + balance + " wei, the transaction may cost "
                        + cost);
            }
        }
        return Optional.empty();
    }

    /** Wei committed today (UTC): included requests at their real cost, open ones at their worst case. */
    public BigInteger spentToday() {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        BigDecimal v = jdbc.queryForObject("""
                SELECT coalesce(sum(CASE WHEN r.gas_used IS NOT NULL AND r.effective_gas_price IS NOT NULL
                                         THEN r.gas_used * r.effective_gas_price
                                         ELSE (SELECT max(a.gas_limit * a.max_fee_per_gas) FROM log.tx_attempts a
                                                WHERE a.request_id = r.id) END), 0)
                  FROM log.tx_requests r WHERE r.chain_id = ? AND r.wallet = ? AND r.created_at >= ?""",
                BigDecimal.class, chainId, from, java.sql.Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        return v == null ? BigInteger.ZERO : v.toBigInteger();
    }

    private Submission refuse(String why) {
        state.block(why, clock.instant());
        log.error("transaction sender holds back: {}", why);
        return new Submission.Refused(why);
    }

    private long head() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    // ------------------------------------------------------------------------------------- reads

    public Optional<TxRequest> request(long id) {
        return jdbc.query("""
                SELECT r.id, r.nonce, r.purpose, r.to_address, r.status, r.included_tx_hash, r.block_number, r.block_hash,
                       r.gas_used, r.reorg_count, r.cancel_requested,
                       (SELECT a.tx_hash FROM log.tx_attempts a WHERE a.request_id = r.id ORDER BY a.id DESC LIMIT 1)
                  FROM log.tx_requests r WHERE r.id = ?""", (rs, i) -> new TxRequest(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), TxRequest.Status.valueOf(rs.getString(5)),
                Optional.ofNullable(rs.getString(6)), Optional.ofNullable((Long) rs.getObject(7)),
                Optional.ofNullable(rs.getString(8)), Optional.ofNullable((Long) rs.getObject(9)), rs.getInt(10),
                rs.getString(12), rs.getBoolean(11)), id).stream().findFirst();
    }

    /** The signed bytes of the request's latest attempt (what {@code log.anchors.raw_tx} mirrors). */
    public byte[] latestRaw(long requestId) {
        return jdbc.queryForObject("SELECT raw_tx FROM log.tx_attempts WHERE request_id = ? ORDER BY id DESC LIMIT 1",
                byte[].class, requestId);
    }

    private byte[] requestData(long id) {
        return jdbc.queryForObject("SELECT data FROM log.tx_requests WHERE id = ?", byte[].class, id);
    }

    private record Open(long id, long nonce, String purpose, String to, String status, String includedTxHash,
                        Long blockNumber, String blockHash, boolean cancelRequested, long gasLimit) {
    }

    private static final RowMapper<Open> OPEN = (rs, i) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8),
            rs.getBoolean(11), rs.getLong(12));

    private record Attempt(long id, String kind, String txHash, byte[] raw, Fees fees, long gasLimit, long signedAtBlock) {
    }

    private List<Attempt> attempts(long requestId) {
        return jdbc.query("""
                SELECT id, kind, tx_hash, raw_tx, max_fee_per_gas, max_priority_fee_per_gas, gas_limit, signed_at_block
                  FROM log.tx_attempts WHERE request_id = ? ORDER BY id""", (rs, i) -> new Attempt(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getBytes(4), new Fees(rs.getBigDecimal(5).toBigIntegerExact(),
                rs.getBigDecimal(6).toBigIntegerExact()), rs.getLong(7), rs.getLong(8)), requestId);
    }
}
