package kg.vareg.backend.verification;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The verifier's own tables (V20__supply_verifier.sql): scan state, events, remembered blocks, snapshots. */
final class VerificationStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    VerificationStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    Optional<TokenState> state(long chainId, String token) {
        return jdbc.sql("""
                SELECT chain_id, token_address, registration_number, creation_block, last_scanned_block, last_scanned_hash,
                       log_range, good_ranges, baseline_implementation, baseline_code_hash, version
                FROM registry.verifier_token_state WHERE chain_id = ? AND token_address = ?""")
                .params(chainId, token).query(VerificationStore::state).optional();
    }

    private static TokenState state(ResultSet rs, int row) throws SQLException {
        return new TokenState(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                (Long) rs.getObject(5), rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                rs.getLong(11));
    }

    TokenState stateOrInit(MonitoredToken token, long logRange) {
        jdbc.sql("""
                INSERT INTO registry.verifier_token_state (chain_id, token_address, registration_number, log_range)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(token.chainId(), token.tokenAddress(), token.registrationNumber(), logRange).update();
        return state(token.chainId(), token.tokenAddress()).orElseThrow();
    }

    TokenState setCreationBlock(TokenState st, long creationBlock) {
        return advance(st, "creation_block = ?", creationBlock);
    }

    /** Remembers a halved or regrown range (a hint; no version bump needed, but kept consistent). */
    TokenState saveRange(TokenState st, long range, int goodRanges) {
        return advance(st, "log_range = ?, good_ranges = ?", range, goodRanges);
    }

    private TokenState advance(TokenState st, String set, Object... values) {
        Object[] params = new Object[values.length + 3];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = st.chainId();
        params[values.length + 1] = st.tokenAddress();
        params[values.length + 2] = st.version();
        int updated = jdbc.sql("UPDATE registry.verifier_token_state SET " + set + ", version = version + 1"
                + " WHERE chain_id = ? AND token_address = ? AND version = ?").params(params).update();
        if (updated != 1) {
            throw new ConcurrentScanException("token " + st.tokenAddress() + " was advanced by another instance");
        }
        return state(st.chainId(), st.tokenAddress()).orElseThrow();
    }

    /** One scanned range, atomically: its events (deduplicated), its remembered blocks, the new tip. */
    TokenState commitChunk(TokenState st, List<ChainEvent> events, BlockRef tip, long range, int goodRanges) {
        return tx.execute(status -> {
            TokenState next = advance(st, "last_scanned_block = ?, last_scanned_hash = ?, log_range = ?, good_ranges = ?",
                    tip.number(), tip.hash(), range, goodRanges);
            template.batchUpdate("""
                    INSERT INTO registry.verifier_event (chain_id, token_address, tx_hash, log_index, block_number, block_hash, block_time,
                                                kind, from_address, to_address, amount, tx_sender, tx_target)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (chain_id, token_address, tx_hash, log_index) DO NOTHING""", events, 1000, (ps, e) -> {
                ps.setLong(1, st.chainId());
                ps.setString(2, st.tokenAddress());
                ps.setString(3, e.txHash());
                ps.setInt(4, e.logIndex());
                ps.setLong(5, e.blockNumber());
                ps.setString(6, e.blockHash());
                ps.setTimestamp(7, e.blockTime() == null ? null : Timestamp.from(e.blockTime()));
                ps.setString(8, e.kind().name());
                ps.setString(9, e.from());
                ps.setString(10, e.to());
                ps.setBigDecimal(11, new BigDecimal(e.amount()));
                ps.setString(12, e.txSender());
                ps.setString(13, e.txTarget());
            });
            remember(st, tip.number(), tip.hash());
            events.stream().map(e -> new BlockRef(e.blockNumber(), e.blockHash(), null, null)).distinct()
                    .forEach(b -> remember(st, b.number(), b.hash()));
            return next;
        });
    }

    private void remember(TokenState st, long block, String hash) {
        jdbc.sql("""
                INSERT INTO registry.verifier_block (chain_id, token_address, block_number, block_hash) VALUES (?, ?, ?, ?)
                ON CONFLICT (chain_id, token_address, block_number) DO UPDATE SET block_hash = EXCLUDED.block_hash""")
                .params(st.chainId(), st.tokenAddress(), block, hash).update();
    }

    /** Remembered blocks at or below {@code atOrBelow}, newest first. */
    List<BlockRef> remembered(TokenState st, long atOrBelow, int limit) {
        return jdbc.sql("""
                SELECT block_number, block_hash FROM registry.verifier_block
                WHERE chain_id = ? AND token_address = ? AND block_number <= ? ORDER BY block_number DESC LIMIT ?""")
                .params(st.chainId(), st.tokenAddress(), atOrBelow, limit)
                .query((rs, i) -> new BlockRef(rs.getLong(1), rs.getString(2), null, null)).list();
    }

    /** A reorg: forget everything above {@code keepThrough} and resume from there. */
    TokenState rewind(TokenState st, long keepThrough, String keepHash) {
        return tx.execute(status -> {
            for (String table : List.of("registry.verifier_event", "registry.verifier_block", "registry.verifier_snapshot")) {
                jdbc.sql("DELETE FROM " + table + " WHERE chain_id = ? AND token_address = ? AND block_number > ?")
                        .params(st.chainId(), st.tokenAddress(), keepThrough).update();
            }
            boolean beforeCreation = st.creationBlock() != null && keepThrough < st.creationBlock();
            return advance(st, "last_scanned_block = ?, last_scanned_hash = ?",
                    beforeCreation ? null : keepThrough, beforeCreation ? null : keepHash);
        });
    }

    EventTotals totals(long chainId, String token, String issuer) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount) FILTER (WHERE kind = 'MINT'), 0),
                       coalesce(sum(amount) FILTER (WHERE kind = 'BURN'), 0),
                       coalesce(sum(amount) FILTER (WHERE kind = 'PLACEMENT'), 0),
                       coalesce(sum(amount) FILTER (WHERE kind = 'RETURN'), 0),
                       coalesce(sum(amount) FILTER (WHERE kind = 'MINT' AND to_address = ?), 0),
                       coalesce(sum(amount) FILTER (WHERE kind = 'BURN' AND from_address = ?), 0)
                FROM registry.verifier_event WHERE chain_id = ? AND token_address = ?""")
                .params(issuer, issuer, chainId, token)
                .query((rs, i) -> new EventTotals(big(rs, 1), big(rs, 2), big(rs, 3), big(rs, 4), big(rs, 5), big(rs, 6)))
                .single();
    }

    List<ChainEvent> events(long chainId, String token, EventKind kind, int limit) {
        return jdbc.sql("""
                SELECT kind, tx_hash, log_index, block_number, block_hash, from_address, to_address, amount, tx_sender,
                       tx_target, block_time
                FROM registry.verifier_event WHERE chain_id = ? AND token_address = ? AND kind = ?
                ORDER BY block_number, log_index LIMIT ?""")
                .params(chainId, token, kind.name(), limit)
                .query(VerificationStore::event).list();
    }

    static ChainEvent event(ResultSet rs, int row) throws SQLException {
        Timestamp time = rs.getTimestamp(11);
        return new ChainEvent(EventKind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getString(7), big(rs, 8), rs.getString(9), rs.getString(10),
                time == null ? null : time.toInstant());
    }

    long eventCount(long chainId, String token) {
        return jdbc.sql("SELECT count(*) FROM registry.verifier_event WHERE chain_id = ? AND token_address = ?")
                .params(chainId, token).query(Long.class).single();
    }

    /** The verified state at the tip: last_* columns, the baseline (first time), and a snapshot if anything moved. */
    void recordReconciliation(TokenState st, BlockRef block, ContractReading reading, EventTotals totals,
                              String baselineImplementation, String baselineCodeHash, Instant now) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE registry.verifier_token_state SET baseline_implementation = ?, baseline_code_hash = ?,
                           current_implementation = ?, proxy_kind = ?, last_total_supply = ?, last_supply_from_events = ?,
                           last_issuer_balance = ?, last_verified_at = ?
                    WHERE chain_id = ? AND token_address = ?""")
                    .params(baselineImplementation, baselineCodeHash, reading.implementation().orElse(null), reading.proxyKind(),
                            reading.totalSupply().map(BigDecimal::new).orElse(null), new BigDecimal(totals.supplyFromEvents()),
                            reading.issuerBalance().map(BigDecimal::new).orElse(null), Timestamp.from(now),
                            st.chainId(), st.tokenAddress())
                    .update();
            Optional<List<Object>> last = jdbc.sql("""
                    SELECT total_supply, supply_from_events, placed, returned, issuer_balance, implementation
                    FROM registry.verifier_snapshot WHERE chain_id = ? AND token_address = ? ORDER BY block_number DESC LIMIT 1""")
                    .params(st.chainId(), st.tokenAddress())
                    .query((rs, i) -> java.util.Arrays.asList(bigOrNull(rs, 1), big(rs, 2), big(rs, 3), big(rs, 4),
                            (Object) bigOrNull(rs, 5), rs.getString(6)))
                    .optional();
            List<Object> now2 = java.util.Arrays.asList(reading.totalSupply().orElse(null), totals.supplyFromEvents(),
                    totals.placed(), totals.returned(), reading.issuerBalance().orElse(null), reading.implementation().orElse(null));
            if (last.isPresent() && last.get().equals(now2)) {
                return;
            }
            jdbc.sql("""
                    INSERT INTO registry.verifier_snapshot (chain_id, token_address, block_number, block_hash, block_time, total_supply,
                           supply_from_events, minted, burned, placed, returned, issuer_balance, expected_issuer_balance,
                           implementation, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (chain_id, token_address, block_number) DO NOTHING""")
                    .params(st.chainId(), st.tokenAddress(), block.number(), block.hash(), Timestamp.from(block.time()),
                            reading.totalSupply().map(BigDecimal::new).orElse(null), new BigDecimal(totals.supplyFromEvents()),
                            new BigDecimal(totals.minted()), new BigDecimal(totals.burned()), new BigDecimal(totals.placed()),
                            new BigDecimal(totals.returned()), reading.issuerBalance().map(BigDecimal::new).orElse(null),
                            new BigDecimal(totals.expectedIssuerBalance()), reading.implementation().orElse(null),
                            Timestamp.from(now))
                    .update();
        });
    }

    static BigInteger big(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).toBigIntegerExact();
    }

    static BigInteger bigOrNull(ResultSet rs, int column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : d.toBigIntegerExact();
    }
}
