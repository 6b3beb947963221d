package kg.vareg.backend.verification;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** registry.verifier_supply_change (V110) and the historical sums bisection needs. */
final class SupplyChangeStore {
    private final JdbcClient jdbc;

    SupplyChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the last reconciliation left the unexplained part of the supply: (block, totalSupply − events). */
    record Baseline(long block, BigInteger unexplained) {}

    Optional<Baseline> lastBaseline(long chainId, String token) {
        return jdbc.sql("""
                SELECT block_number, total_supply - supply_from_events FROM registry.verifier_snapshot
                WHERE chain_id = ? AND token_address = ? AND total_supply IS NOT NULL
                ORDER BY block_number DESC LIMIT 1""")
                .params(chainId, token)
                .query((rs, i) -> new Baseline(rs.getLong(1), VerificationStore.big(rs, 2)))
                .optional();
    }

    /** Σ mints − Σ burns of the stored events up to and including {@code block}. */
    BigInteger supplyFromEventsAt(long chainId, String token, long block) {
        return jdbc.sql("""
                SELECT COALESCE(sum(CASE WHEN kind = 'MINT' THEN amount ELSE -amount END), 0)
                FROM registry.verifier_event
                WHERE chain_id = ? AND token_address = ? AND kind = ANY('{MINT,BURN}'::text[]) AND block_number <= ?""")
                .params(chainId, token, block)
                .query((rs, i) -> VerificationStore.big(rs, 1))
                .single();
    }

    void save(long chainId, String token, List<SupplyChange> changes, Instant now) {
        for (SupplyChange c : changes) {
            jdbc.sql("""
                    INSERT INTO registry.verifier_supply_change (chain_id, token_address, block_number, block_hash, tx_hashes,
                           delta, cause, found_at)
                    VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?)
                    ON CONFLICT (chain_id, token_address, block_number) DO UPDATE
                       SET delta = verifier_supply_change.delta + EXCLUDED.delta""")
                    .params(chainId, token, c.block(), c.blockHash(), "{" + String.join(",", c.txHashes()) + "}",
                            new BigDecimal(c.delta()), c.cause().name(), Timestamp.from(now))
                    .update();
        }
    }

    List<SupplyChange> all(long chainId, String token) {
        return jdbc.sql("""
                SELECT block_number, block_hash, tx_hashes, delta, cause FROM registry.verifier_supply_change
                WHERE chain_id = ? AND token_address = ? ORDER BY block_number""")
                .params(chainId, token)
                .query((rs, i) -> new SupplyChange(rs.getLong(1), rs.getString(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()), VerificationStore.big(rs, 4),
                        SupplyChangeCause.valueOf(rs.getString(5))))
                .list();
    }
}
