package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Read side for the exchange API and the regulator's view: only stored results, never the chain. */
public final class VerificationQueries {
    private final JdbcClient jdbc;
    private final FindingStore findings;

    VerificationQueries(JdbcClient jdbc, FindingStore findings) {
        this.jdbc = jdbc;
        this.findings = findings;
    }

    /** The last verified block of a token and what the chain showed there. */
    public record VerifiedState(long chainId, String tokenAddress, long block, String blockHash, BigInteger totalSupply,
                                BigInteger supplyFromEvents, BigInteger issuerBalance, String proxyKind,
                                String implementation, Instant verifiedAt) {}

    /** One point of the supply-over-time series. */
    public record SupplyPoint(long block, Instant blockTime, BigInteger totalSupply, BigInteger supplyFromEvents,
                              BigInteger minted, BigInteger burned, BigInteger placed, BigInteger returned,
                              BigInteger issuerBalance, String implementation) {}

    public Optional<VerifiedState> verifiedState(long chainId, String token) {
        return jdbc.sql("""
                SELECT chain_id, token_address, last_scanned_block, last_scanned_hash, last_total_supply, last_supply_from_events,
                       last_issuer_balance, proxy_kind, current_implementation, last_verified_at
                FROM registry.verifier_token_state WHERE chain_id = ? AND token_address = ? AND last_verified_at IS NOT NULL""")
                .params(chainId, token)
                .query((rs, i) -> new VerifiedState(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        VerificationStore.bigOrNull(rs, 5), VerificationStore.bigOrNull(rs, 6), VerificationStore.bigOrNull(rs, 7),
                        rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()))
                .optional();
    }

    public List<Finding> openFindings(long chainId, String token) {
        return findings.open(chainId, token);
    }

    public List<Finding> allFindings(long chainId, String token) {
        return findings.all(chainId, token);
    }

    /** Open findings about the chain itself (unreachable, lagging). */
    public List<Finding> openChainFindings(long chainId) {
        return findings.open(chainId, "");
    }

    public List<SupplyPoint> supplyOverTime(long chainId, String token) {
        return jdbc.sql("""
                SELECT block_number, block_time, total_supply, supply_from_events, minted, burned, placed, returned,
                       issuer_balance, implementation
                FROM registry.verifier_snapshot WHERE chain_id = ? AND token_address = ? ORDER BY block_number""")
                .params(chainId, token)
                .query((rs, i) -> new SupplyPoint(rs.getLong(1), rs.getTimestamp(2).toInstant(), VerificationStore.bigOrNull(rs, 3),
                        VerificationStore.big(rs, 4), VerificationStore.big(rs, 5), VerificationStore.big(rs, 6),
                        VerificationStore.big(rs, 7), VerificationStore.big(rs, 8), VerificationStore.bigOrNull(rs, 9),
                        rs.getString(10)))
                .list();
    }

    public List<ChainEvent> events(long chainId, String token, EventKind kind, int limit) {
        return jdbc.sql("""
                SELECT kind, tx_hash, log_index, block_number, block_hash, from_address, to_address, amount, tx_sender,
                       tx_target, block_time
                FROM registry.verifier_event WHERE chain_id = ? AND token_address = ? AND kind = ?
                ORDER BY block_number DESC, log_index DESC LIMIT ?""")
                .params(chainId, token, kind.name(), limit).query(VerificationStore::event).list();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
