package kg.vareg.backend.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The on-chain supply verifier (docs/verifier.md). One pass per token: rewind on a reorg, scan new
 * logs incrementally up to head − confirmations with adaptive ranges, read the contract at the scanned
 * block, reconcile, and open/update/close findings. Driven by {@link VerifierScheduler} or by callers.
 */
public final class SupplyVerifier {
    private static final Logger log = LoggerFactory.getLogger(SupplyVerifier.class);
    /** Successful ranges in a row before a halved range doubles again. */
    static final int GROW_AFTER = 4;
    /** How many remembered blocks a reorg walks back through before rescanning from the contract's creation. */
    private static final int REORG_WALK = 256;

    private final ChainRegistry chains;
    private final RegisteredTokens register;
    private final VerificationStore store;
    private final FindingStore findings;
    private final VerifierProperties properties;
    private final Clock clock;
    private final Map<Long, ChainStatus> status = new ConcurrentHashMap<>();
    /** Fetches the next log range while the current one is written (virtual threads: they wait on I/O). */
    private final Executor prefetcher = Executors.newVirtualThreadPerTaskExecutor();

    SupplyVerifier(ChainRegistry chains, RegisteredTokens register, VerificationStore store, FindingStore findings,
                   VerifierProperties properties, Clock clock) {
        this.chains = chains;
        this.register = register;
        this.store = store;
        this.findings = findings;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass over every watched chain and every registered token on it. A dead chain does not stop the others. */
    public void verifyAll() {
        Map<Long, List<MonitoredToken>> byChain = new HashMap<>();
        for (MonitoredToken t : register.all()) {
            byChain.computeIfAbsent(t.chainId(), k -> new ArrayList<>()).add(t);
        }
        for (ChainGateway chain : chains.all()) {
            if (!checkChain(chain)) {
                continue;
            }
            for (MonitoredToken token : byChain.getOrDefault(chain.chainId(), List.of())) {
                verify(token);
            }
        }
    }

    /** Checks the node answers (and is not lagging): opens or closes the chain's own findings. */
    public boolean checkChain(ChainGateway chain) {
        VerifierProperties.Chain s = chain.settings();
        Instant now = clock.instant();
        List<FindingCondition> holding = new ArrayList<>();
        boolean reachable;
        try {
            long head = chain.head();
            BlockRef block = chain.block(head);
            boolean lagging = s.maxHeadAge() != null && block.time().plus(s.maxHeadAge()).isBefore(now);
            if (lagging) {
                holding.add(new FindingCondition(FindingKind.CHAIN_LAGGING, "", head, null,
                        "head block " + head + " is from " + block.time() + ", older than " + s.maxHeadAge()));
            }
            status.put(s.chainId(), new ChainStatus(s.chainId(), s.name(), true, head, block.time(), lagging,
                    lagging ? "head block is old" : null, now));
            reachable = true;
        } catch (ChainUnavailableException e) {
            holding.add(new FindingCondition(FindingKind.CHAIN_UNREACHABLE, "", null, null, e.getMessage()));
            status.put(s.chainId(), new ChainStatus(s.chainId(), s.name(), false, null, null, false, e.getMessage(), now));
            log.warn("verifier: {}", e.getMessage());
            reachable = false;
        }
        findings.reconcile(s.chainId(), "", null, holding, now);
        return reachable;
    }

    public Optional<ChainStatus> chainStatus(long chainId) {
        return Optional.ofNullable(status.get(chainId));
    }

    public List<ChainStatus> chainStatuses() {
        return List.copyOf(status.values());
    }

    /** One pass over one token. Never throws for chain trouble: the outcome says what happened. */
    public ScanOutcome verify(MonitoredToken token) {
        Optional<ChainGateway> chain = chains.byId(token.chainId());
        if (chain.isEmpty()) {
            return new ScanOutcome.Interrupted("chain " + token.chainId() + " of " + token.registrationNumber()
                    + " is not configured (vareg.verifier.chains)");
        }
        try {
            return verify(chain.get(), token);
        } catch (ChainUnavailableException e) {
            log.warn("verifier: {} on {}: {}", token.registrationNumber(), token.tokenAddress(), e.getMessage());
            return new ScanOutcome.Interrupted(e.getMessage());
        } catch (ConcurrentScanException e) {
            return new ScanOutcome.Interrupted(e.getMessage());
        }
    }

    private ScanOutcome verify(ChainGateway chain, MonitoredToken token) {
        long target = chain.head() - chain.settings().confirmations();
        if (target < 0) {
            return new ScanOutcome.Interrupted("the chain is shorter than its confirmations");
        }
        TokenState st = store.stateOrInit(token, chain.settings().maxLogRange());
        if (st.lastScannedBlock() != null && !chain.block(st.lastScannedBlock()).hash().equals(st.lastScannedHash())) {
            st = rewind(chain, st);
        }
        if (st.creationBlock() == null) {
            if (!hasCode(chain, token.tokenAddress(), target)) {
                List<FindingCondition> missing = FindingRules.evaluate(input(token, ContractReading.missing(target),
                        EventTotals.NONE, List.of(), List.of(), st, List.of()));
                findings.reconcile(token.chainId(), token.tokenAddress(), token.registrationNumber(), missing, clock.instant());
                return new ScanOutcome.Verified(target, 0, missing.stream().map(FindingCondition::kind).toList());
            }
            st = store.setCreationBlock(st, creationBlock(chain, token.tokenAddress(), target));
        }
        if (st.lastScannedBlock() == null) {
            // A scan from the contract's creation (first pass, deep reorg, a state reset to rebuild it): the
            // running totals restart from what is stored, then every committed range adds its own events.
            store.recomputeTotals(token.chainId(), token.tokenAddress(), token.issuerWallet());
        }
        long added = 0;
        long from = st.lastScannedBlock() == null ? st.creationBlock() : st.lastScannedBlock() + 1;
        long range = Math.max(1, Math.min(st.logRange(), chain.settings().maxLogRange()));
        int good = st.goodRanges();
        List<String> topics = EventDecoder.topicsFor(token.profile());
        // The next range is fetched (RPC, decoding) while the current one is written to PostgreSQL.
        Prefetch next = null;
        while (from <= target) {
            long to = Math.min(target, from + range - 1);
            Fetched fetched;
            try {
                fetched = next != null && next.from() == from && next.to() == to
                        ? next.join()
                        : fetch(chain, token, topics, from, to, st.lastScannedBlock(), st.lastScannedHash());
            } catch (LogRangeRefusedException refused) {
                if (range == 1) {
                    throw new ChainUnavailableException("the node refuses eth_getLogs even for one block: " + refused.getMessage(), refused);
                }
                range = Math.max(1, range / 2);
                good = 0;
                log.debug("verifier: {} — halving the log range to {}", refused.getMessage(), range);
                st = store.saveRange(st, range, good);
                next = null;
                continue;
            }
            next = null;
            if (fetched.reorged()) {
                // The chain reorganised under this range: keep nothing of it; the next pass rewinds and rescans.
                return new ScanOutcome.Interrupted("reorg during the scan of [" + from + ", " + to + "]");
            }
            if (++good >= GROW_AFTER && range < chain.settings().maxLogRange()) {
                range = Math.min(chain.settings().maxLogRange(), range * 2);
                good = 0;
            }
            if (to < target) {
                long nextFrom = to + 1;
                long nextTo = Math.min(target, nextFrom + range - 1);
                BlockRef previous = fetched.tip();
                next = new Prefetch(nextFrom, nextTo, CompletableFuture.supplyAsync(
                        () -> fetch(chain, token, topics, nextFrom, nextTo, previous.number(), previous.hash()), prefetcher));
            }
            long t0 = System.nanoTime();
            st = store.commitChunk(st, fetched.events(), fetched.tip(), range, good);
            log.debug("verifier: {} [{}, {}]: {} events fetched in {} ms, written in {} ms", token.registrationNumber(),
                    from, to, fetched.events().size(), fetched.fetchMillis(), (System.nanoTime() - t0) / 1_000_000);
            added += fetched.events().size();
            from = to + 1;
        }
        return reconcile(chain, token, st, added);
    }

    /** One range read from the chain: its decoded events and tip, or {@code reorged} when it moved under the read. */
    private record Fetched(BlockRef tip, List<ChainEvent> events, boolean reorged, long fetchMillis) {
    }

    /** A range being fetched in the background while the previous one is written. */
    private record Prefetch(long from, long to, CompletableFuture<Fetched> future) {
        Fetched join() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }

    /**
     * eth_getLogs over [from, to], bracketed: the hash of {@code to} before and after, and the previous range's
     * last block must still be canonical — if anything moved, the range is {@code reorged} (kept nothing of).
     */
    private static Fetched fetch(ChainGateway chain, MonitoredToken token, List<String> topics, long from, long to,
                                 Long previousBlock, String previousHash) {
        long t0 = System.nanoTime();
        String before = chain.block(to).hash();
        List<Log> logs = chain.logs(token.tokenAddress(), from, to, topics);
        BlockRef tip = chain.block(to);
        boolean previousStillCanonical = previousBlock == null || chain.block(previousBlock).hash().equals(previousHash);
        if (!tip.hash().equals(before) || !previousStillCanonical) {
            return new Fetched(tip, List.of(), true, (System.nanoTime() - t0) / 1_000_000);
        }
        List<ChainEvent> events = enrich(chain, token, EventDecoder.decodeAll(logs, token));
        return new Fetched(tip, events, false, (System.nanoTime() - t0) / 1_000_000);
    }

    private ScanOutcome reconcile(ChainGateway chain, MonitoredToken token, TokenState st, long added) {
        long block = st.lastScannedBlock();
        BlockRef ref = chain.block(block);
        if (!ref.hash().equals(st.lastScannedHash())) {
            return new ScanOutcome.Interrupted("reorg before reconciliation at block " + block);
        }
        ContractReading reading = ContractInspector.read(chain, token.tokenAddress(), token.issuerWallet(), block);
        EventTotals totals = store.totals(token.chainId(), token.tokenAddress(), token.issuerWallet());
        List<ChainEvent> mints = store.events(token.chainId(), token.tokenAddress(), EventKind.MINT, 10_000);
        List<ChainEvent> upgrades = store.events(token.chainId(), token.tokenAddress(), EventKind.UPGRADED, 10_000);
        // The baseline implementation is the one at the contract's creation (else the first one the proxy announced, else the first seen),
        // so an upgrade made before the verifier first looked is still reported.
        String baselineImpl = Optional.ofNullable(st.baselineImplementation())
                .or(() -> reading.implementation().flatMap(now ->
                        ContractInspector.implementationAt(chain, token.tokenAddress(), st.creationBlock())))
                .or(() -> upgrades.stream().findFirst().map(ChainEvent::to))
                .or(reading::implementation).orElse(null);
        String baselineCode = Optional.ofNullable(st.baselineCodeHash()).orElse(reading.codeHash());
        TokenState withBaseline = new TokenState(st.chainId(), st.tokenAddress(), st.registrationNumber(), st.creationBlock(),
                st.lastScannedBlock(), st.lastScannedHash(), st.logRange(), st.goodRanges(), baselineImpl, baselineCode,
                st.version());
        Instant now = clock.instant();
        List<SupplyChange> changes = attribute(chain, token, st, reading, totals, now);
        List<FindingCondition> holding = FindingRules.evaluate(input(token, reading, totals, mints, upgrades, withBaseline, changes));
        store.recordReconciliation(st, ref, reading, totals, baselineImpl, baselineCode, now);
        findings.reconcile(token.chainId(), token.tokenAddress(), token.registrationNumber(), holding, now);
        return new ScanOutcome.Verified(block, added, holding.stream().map(FindingCondition::kind).toList());
    }

    private FindingRules.Input input(MonitoredToken token, ContractReading reading, EventTotals totals,
                                     List<ChainEvent> mints, List<ChainEvent> upgrades, TokenState st,
                                     List<SupplyChange> changes) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        return new FindingRules.Input(token, reading, totals, mints, upgrades,
                Optional.ofNullable(st.baselineImplementation()), Optional.ofNullable(st.baselineCodeHash()),
                today, properties.zone(), changes);
    }

    /**
     * Locates the changes of totalSupply() since the last reconciliation that the events do not explain
     * ({@link SupplyAttribution}); with no news the unexplained part did not move and no chain call is made.
     */
    private List<SupplyChange> attribute(ChainGateway chain, MonitoredToken token, TokenState st, ContractReading reading,
                                         EventTotals totals, Instant now) {
        SupplyChangeStore changes = store.supplyChanges();
        if (token.profile() == TokenProfile.NONE || reading.totalSupply().isEmpty()) {
            return List.of();
        }
        java.math.BigInteger unexplained = reading.totalSupply().get().subtract(totals.supplyFromEvents());
        List<SupplyChange> found = SupplyAttribution.locate(chain, changes, token, st.creationBlock(),
                changes.lastBaseline(token.chainId(), token.tokenAddress()), reading.block(), unexplained);
        changes.save(token.chainId(), token.tokenAddress(), found, now);
        return changes.all(token.chainId(), token.tokenAddress());
    }

    /** Who sent each mint (¶5: only the issuer wallet may mint) and when mints and burns happened (¶20). */
    private static List<ChainEvent> enrich(ChainGateway chain, MonitoredToken token, List<ChainEvent> events) {
        Map<String, ChainGateway.TxParties> txs = new HashMap<>();
        Map<Long, Instant> times = new HashMap<>();
        List<ChainEvent> out = new ArrayList<>(events.size());
        for (ChainEvent e : events) {
            if (e.kind() == EventKind.MINT || e.kind() == EventKind.BURN) {
                Instant time = times.computeIfAbsent(e.blockNumber(), n -> chain.block(n).time());
                boolean issueOrRedeem = EventDecoder.isIssueOrRedeem(e);
                ChainGateway.TxParties parties = e.kind() == EventKind.MINT || issueOrRedeem
                        ? txs.computeIfAbsent(e.txHash(), chain::transactionParties) : null;
                String sender = parties == null ? null : lower(parties.from());
                String target = parties == null ? null : lower(parties.to());
                if (issueOrRedeem) {
                    String holder = EventDecoder.issueRedeemHolder(e, sender, target, parties.input(), token.tokenAddress());
                    e = e.kind() == EventKind.MINT ? e.withParties(e.from(), holder) : e.withParties(holder, e.to());
                }
                out.add(e.withTransaction(e.kind() == EventKind.MINT ? sender : null, e.kind() == EventKind.MINT ? target : null, time));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    /** Walks back through remembered blocks to the newest one still on the chain, and forgets the rest. */
    private TokenState rewind(ChainGateway chain, TokenState st) {
        for (BlockRef remembered : store.remembered(st, st.lastScannedBlock(), REORG_WALK)) {
            if (chain.block(remembered.number()).hash().equals(remembered.hash())) {
                log.warn("verifier: reorg on chain {} under token {}: rewinding from block {} to {}", st.chainId(),
                        st.tokenAddress(), st.lastScannedBlock(), remembered.number());
                return store.rewind(st, remembered.number(), remembered.hash());
            }
        }
        log.warn("verifier: deep reorg on chain {} under token {}: rescanning from its creation", st.chainId(), st.tokenAddress());
        return store.rewind(st, st.creationBlock() - 1, null);
    }

    private static boolean hasCode(ChainGateway chain, String address, long block) {
        String code = chain.code(address, block);
        return code != null && code.length() > 2;
    }

    /**
     * The block the contract was created in: a binary search on eth_getCode (needs the node's historical
     * state; where it is pruned, scanning starts from block 0).
     */
    static long creationBlock(ChainGateway chain, String address, long knownWithCode) {
        long lo = 0;
        long hi = knownWithCode;
        try {
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                if (hasCode(chain, address, mid)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        } catch (ChainUnavailableException prunedState) {
            log.warn("verifier: cannot find the creation block of {} ({}); scanning from block 0", address,
                    prunedState.getMessage());
            return 0;
        }
    }
}
