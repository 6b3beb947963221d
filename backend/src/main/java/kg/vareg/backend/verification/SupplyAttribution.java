package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locates every change of {@code totalSupply()} that the token's events do not explain (issue 13, ¶5, ¶59).
 * The unexplained part u(b) = totalSupply(b) − (Σ mints − Σ burns up to b) is constant between such changes;
 * between the last reconciled block (where u is known) and the scanned block, the first block where u moves
 * is found by bisection — O(log n) historical {@code totalSupply()} calls per change — then the next, until
 * u reaches its value at the scanned block. A pass where u did not move costs nothing more than the snapshot
 * it already reads. Each change is classified from the token's logs in that block.
 */
final class SupplyAttribution {
    private static final Logger log = LoggerFactory.getLogger(SupplyAttribution.class);
    /** Changes located per pass at most: the rest waits for the next pass (a scan never gets stuck). */
    static final int MAX_CHANGES_PER_PASS = 32;

    static final String LOG_REBASE = EventDecoder.topic("LogRebase(uint256,uint256)");
    static final String TOTAL_LIQUIDITY_UPDATED = EventDecoder.topic("TotalLiquidityUpdated(uint256,uint256)");

    private SupplyAttribution() {}

    /**
     * @param baseline where u was last known (the previous reconciliation), or empty on the first pass (then u is
     *     0 just before the contract's creation block)
     * @param unexplainedNow u at {@code block}
     * @return the changes found in (baseline, block], oldest first
     */
    static List<SupplyChange> locate(ChainGateway chain, SupplyChangeStore store, MonitoredToken token, long creationBlock,
                                     Optional<SupplyChangeStore.Baseline> baseline, long block, BigInteger unexplainedNow) {
        long lo = baseline.map(SupplyChangeStore.Baseline::block).orElse(creationBlock - 1);
        BigInteger uLo = baseline.map(SupplyChangeStore.Baseline::unexplained).orElse(BigInteger.ZERO);
        List<SupplyChange> found = new ArrayList<>();
        if (uLo.equals(unexplainedNow) || lo >= block) {
            return found;
        }
        Map<Long, Optional<BigInteger>> cache = new HashMap<>();
        cache.put(block, Optional.of(unexplainedNow));
        while (!uLo.equals(unexplainedNow) && found.size() < MAX_CHANGES_PER_PASS) {
            long a = lo;
            long b = block; // invariant: u(a) = uLo, u(b) ≠ uLo
            while (b - a > 1) {
                long mid = a + (b - a) / 2;
                Optional<BigInteger> u = cache.computeIfAbsent(mid, m -> unexplained(chain, store, token, creationBlock, m));
                if (u.isEmpty()) {
                    log.warn("verifier: {} does not answer totalSupply() at block {}: attribution stops", token.tokenAddress(), mid);
                    return found;
                }
                if (u.get().equals(uLo)) {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            BigInteger uB = cache.computeIfAbsent(b, m -> unexplained(chain, store, token, creationBlock, m)).orElseThrow();
            ChainGateway.BlockActivity activity = chain.activity(token.tokenAddress(), b);
            found.add(new SupplyChange(b, activity.blockHash(), activity.txHashes(), uB.subtract(uLo),
                    cause(activity, b == creationBlock)));
            lo = b;
            uLo = uB;
        }
        return found;
    }

    private static Optional<BigInteger> unexplained(ChainGateway chain, SupplyChangeStore store, MonitoredToken token,
                                                    long creationBlock, long block) {
        if (block < creationBlock) {
            return Optional.of(BigInteger.ZERO);
        }
        return ContractInspector.totalSupply(chain, token.tokenAddress(), block)
                .map(s -> s.subtract(store.supplyFromEventsAt(token.chainId(), token.tokenAddress(), block)));
    }

    static SupplyChangeCause cause(ChainGateway.BlockActivity activity, boolean creation) {
        List<String> topics = activity.topics();
        if (topics.contains(LOG_REBASE) || topics.contains(TOTAL_LIQUIDITY_UPDATED)) {
            return SupplyChangeCause.REBASE;
        }
        if (topics.contains(EventDecoder.DESTROYED_BLACK_FUNDS)) {
            return SupplyChangeCause.BLACKLIST_DESTRUCTION;
        }
        if (topics.contains(EventDecoder.ISSUE) || topics.contains(EventDecoder.REDEEM)) {
            return SupplyChangeCause.ISSUE_REDEEM;
        }
        return creation ? SupplyChangeCause.CONSTRUCTOR : SupplyChangeCause.UNKNOWN;
    }

    /** Stores what {@link #locate} found. */
    static void record(SupplyChangeStore store, MonitoredToken token, List<SupplyChange> changes, Instant now) {
        store.save(token.chainId(), token.tokenAddress(), changes, now);
    }
}
