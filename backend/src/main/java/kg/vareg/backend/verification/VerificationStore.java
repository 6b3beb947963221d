package kg.vareg.backend.verification;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The verifier's own tables (V20__supply_verifier.sql): scan state, events, remembered blocks, snapshots. */
final class VerificationStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final SupplyChangeStore supplyChanges;

    VerificationStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.supplyChanges = new SupplyChangeStore(jdbc);
    }

    /** The located supply changes (V110), rewound with the rest on a reorg. */
    SupplyChangeStore supplyChanges() {
        return supplyChanges;
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

    /** Events per multi-row INSERT statement (arrays bound as parameters, one round trip each). */
    static final int INSERT_CHUNK = 5_000;

    /** The deltas of the running totals from a set of event rows {@code ev(kind, from_address, to_address, amount)}. */
    private static final String DELTAS = """
            SELECT coalesce(sum(amount) FILTER (WHERE kind = 'MINT'), 0) AS minted,
                   coalesce(sum(amount) FILTER (WHERE kind = 'BURN'), 0) AS burned,
                   coalesce(sum(amount) FILTER (WHERE kind = 'PLACEMENT'), 0) AS placed,
                   coalesce(sum(amount) FILTER (WHERE kind = 'RETURN'), 0) AS returned,
                   coalesce(sum(amount) FILTER (WHERE kind = 'MINT' AND to_address = s.totals_issuer), 0) AS mti,
                   coalesce(sum(amount) FILTER (WHERE kind = 'BURN' AND from_address = s.totals_issuer), 0) AS bfi
              FROM ev, registry.verifier_token_state s
             WHERE s.chain_id = ? AND s.token_address = ?
             GROUP BY s.totals_issuer""";

    /**
     * One scanned range, atomically: its events (deduplicated), the running totals of the events actually
     * inserted, its remembered blocks, the new tip.
     */
    TokenState commitChunk(TokenState st, List<ChainEvent> events, BlockRef tip, long range, int goodRanges) {
        return tx.execute(status -> {
            for (int from = 0; from < events.size(); from += INSERT_CHUNK) {
                insertEvents(st, events.subList(from, Math.min(events.size(), from + INSERT_CHUNK)));
            }
            // Remembered hashes: the tip and every block with an event, one statement (deduplicated first: an
            // upsert may not touch a row twice).
            Map<Long, String> blocks = new LinkedHashMap<>();
            events.forEach(e -> blocks.put(e.blockNumber(), e.blockHash()));
            blocks.put(tip.number(), tip.hash());
            template.update(con -> {
                PreparedStatement ps = con.prepareStatement("""
                        INSERT INTO registry.verifier_block (chain_id, token_address, block_number, block_hash)
                        SELECT ?, ?, b.n, b.h FROM unnest(?::bigint[], ?::text[]) AS b(n, h)
                        ON CONFLICT (chain_id, token_address, block_number) DO UPDATE SET block_hash = EXCLUDED.block_hash""");
                ps.setLong(1, st.chainId());
                ps.setString(2, st.tokenAddress());
                ps.setArray(3, con.createArrayOf("int8", blocks.keySet().toArray()));
                ps.setArray(4, con.createArrayOf("text", blocks.values().toArray()));
                return ps;
            });
            // The optimistic version check: a concurrent instance that advanced first makes this one roll back.
            return advance(st, "last_scanned_block = ?, last_scanned_hash = ?, log_range = ?, good_ranges = ?",
                    tip.number(), tip.hash(), range, goodRanges);
        });
    }

    /**
     * One multi-row INSERT … ON CONFLICT DO NOTHING from arrays, and in the same statement the running totals
     * grow by exactly the rows it inserted (a rescanned event is not inserted, so it is not counted twice).
     */
    private void insertEvents(TokenState st, List<ChainEvent> chunk) {
        int n = chunk.size();
        Object[][] col = new Object[11][n];
        for (int i = 0; i < n; i++) {
            ChainEvent e = chunk.get(i);
            col[0][i] = e.txHash();
            col[1][i] = e.logIndex();
            col[2][i] = e.blockNumber();
            col[3][i] = e.blockHash();
            col[4][i] = e.blockTime() == null ? null : Timestamp.from(e.blockTime());
            col[5][i] = e.kind().name();
            col[6][i] = e.from();
            col[7][i] = e.to();
            col[8][i] = new BigDecimal(e.amount());
            col[9][i] = e.txSender();
            col[10][i] = e.txTarget();
        }
        String[] types = {"text", "int4", "int8", "text", "timestamptz", "text", "text", "text", "numeric", "text", "text"};
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    WITH ev AS (
                        INSERT INTO registry.verifier_event (chain_id, token_address, tx_hash, log_index, block_number,
                                    block_hash, block_time, kind, from_address, to_address, amount, tx_sender, tx_target)
                        SELECT ?, ?, e.* FROM unnest(?::text[], ?::int[], ?::bigint[], ?::text[], ?::timestamptz[],
                                    ?::text[], ?::text[], ?::text[], ?::numeric[], ?::text[], ?::text[])
                             AS e(tx_hash, log_index, block_number, block_hash, block_time, kind, from_address,
                                  to_address, amount, tx_sender, tx_target)
                        ON CONFLICT (chain_id, token_address, tx_hash, log_index) DO NOTHING
                        RETURNING kind, from_address, to_address, amount),
                    d AS (""" + DELTAS + """
                    )
                    UPDATE registry.verifier_token_state s
                       SET minted = s.minted + d.minted, burned = s.burned + d.burned, placed = s.placed + d.placed,
                           returned = s.returned + d.returned, minted_to_issuer = s.minted_to_issuer + d.mti,
                           burned_from_issuer = s.burned_from_issuer + d.bfi
                      FROM d WHERE s.chain_id = ? AND s.token_address = ?""");
            int p = 1;
            ps.setLong(p++, st.chainId());
            ps.setString(p++, st.tokenAddress());
            for (int c = 0; c < types.length; c++) {
                ps.setArray(p++, con.createArrayOf(types[c], col[c]));
            }
            for (int k = 0; k < 2; k++) {
                ps.setLong(p++, st.chainId());
                ps.setString(p++, st.tokenAddress());
            }
            return ps;
        });
    }

    /** Remembered blocks at or below {@code atOrBelow}, newest first. */
    List<BlockRef> remembered(TokenState st, long atOrBelow, int limit) {
        return jdbc.sql("""
                SELECT block_number, block_hash FROM registry.verifier_block
                WHERE chain_id = ? AND token_address = ? AND block_number <= ? ORDER BY block_number DESC LIMIT ?""")
                .params(st.chainId(), st.tokenAddress(), atOrBelow, limit)
                .query((rs, i) -> new BlockRef(rs.getLong(1), rs.getString(2), null, null)).list();
    }

    /**
     * A reorg: forget everything above {@code keepThrough} — events, their share of the running totals (in the
     * same statement that deletes them), remembered blocks, snapshots — and resume from there.
     */
    TokenState rewind(TokenState st, long keepThrough, String keepHash) {
        return tx.execute(status -> {
            jdbc.sql("""
                    WITH ev AS (
                        DELETE FROM registry.verifier_event
                         WHERE chain_id = ? AND token_address = ? AND block_number > ?
                           -- every kind (CHECK constraint): lets verifier_event_by_kind serve the range (V62)
                           AND kind = ANY('{MINT,BURN,PLACEMENT,RETURN,UPGRADED}'::text[])
                        RETURNING kind, from_address, to_address, amount),
                    d AS (""" + DELTAS + """
                    )
                    UPDATE registry.verifier_token_state s
                       SET minted = s.minted - d.minted, burned = s.burned - d.burned, placed = s.placed - d.placed,
                           returned = s.returned - d.returned, minted_to_issuer = s.minted_to_issuer - d.mti,
                           burned_from_issuer = s.burned_from_issuer - d.bfi
                      FROM d WHERE s.chain_id = ? AND s.token_address = ?""")
                    .params(st.chainId(), st.tokenAddress(), keepThrough, st.chainId(), st.tokenAddress(),
                            st.chainId(), st.tokenAddress())
                    .update();
            for (String table : List.of("registry.verifier_block", "registry.verifier_snapshot", "registry.verifier_supply_change")) {
                jdbc.sql("DELETE FROM " + table + " WHERE chain_id = ? AND token_address = ? AND block_number > ?")
                        .params(st.chainId(), st.tokenAddress(), keepThrough).update();
            }
            boolean beforeCreation = st.creationBlock() != null && keepThrough < st.creationBlock();
            return advance(st, "last_scanned_block = ?, last_scanned_hash = ?",
                    beforeCreation ? null : keepThrough, beforeCreation ? null : keepHash);
        });
    }

    /**
     * The sums of the token's stored events: the running totals of its state row, O(1) in the number of
     * events. Recomputed from verifier_event (once) when they were kept for another issuer wallet or never
     * (a corrected register, or a row from before the totals existed) — under the row's lock, so a range
     * committed concurrently is counted exactly once (its delta waits for the lock and lands on top).
     */
    EventTotals totals(long chainId, String token, String issuer) {
        // '' stands for "no issuer wallet" (matches no address) so that case is kept too, not recomputed each pass.
        String issuerKey = issuer == null ? "" : issuer;
        Optional<EventTotals> kept = jdbc.sql("""
                SELECT minted, burned, placed, returned, minted_to_issuer, burned_from_issuer
                FROM registry.verifier_token_state WHERE chain_id = ? AND token_address = ? AND totals_issuer = ?""")
                .params(chainId, token, issuerKey).query(VerificationStore::totals).optional();
        if (kept.isPresent()) {
            return kept.get();
        }
        return recomputeTotals(chainId, token, issuer);
    }

    /** The running totals summed afresh from the stored events (O(events): once, not per pass). */
    EventTotals recomputeTotals(long chainId, String token, String issuer) {
        String issuerKey = issuer == null ? "" : issuer;
        return tx.execute(status -> {
            jdbc.sql("SELECT 1 FROM registry.verifier_token_state WHERE chain_id = ? AND token_address = ? FOR UPDATE")
                    .params(chainId, token).query(Integer.class).optional();
            return jdbc.sql("""
                    WITH t AS (
                        SELECT coalesce(sum(amount) FILTER (WHERE kind = 'MINT'), 0) AS minted,
                               coalesce(sum(amount) FILTER (WHERE kind = 'BURN'), 0) AS burned,
                               coalesce(sum(amount) FILTER (WHERE kind = 'PLACEMENT'), 0) AS placed,
                               coalesce(sum(amount) FILTER (WHERE kind = 'RETURN'), 0) AS returned,
                               coalesce(sum(amount) FILTER (WHERE kind = 'MINT' AND to_address = ?), 0) AS mti,
                               coalesce(sum(amount) FILTER (WHERE kind = 'BURN' AND from_address = ?), 0) AS bfi
                        FROM registry.verifier_event WHERE chain_id = ? AND token_address = ?)
                    UPDATE registry.verifier_token_state s
                       SET minted = t.minted, burned = t.burned, placed = t.placed, returned = t.returned,
                           minted_to_issuer = t.mti, burned_from_issuer = t.bfi, totals_issuer = ?
                      FROM t WHERE s.chain_id = ? AND s.token_address = ?
                    RETURNING s.minted, s.burned, s.placed, s.returned, s.minted_to_issuer, s.burned_from_issuer""")
                    .params(issuer, issuer, chainId, token, issuerKey, chainId, token)
                    .query(VerificationStore::totals).optional()
                    .orElse(EventTotals.NONE);
        });
    }

    private static EventTotals totals(ResultSet rs, int row) throws SQLException {
        return new EventTotals(big(rs, 1), big(rs, 2), big(rs, 3), big(rs, 4), big(rs, 5), big(rs, 6));
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
