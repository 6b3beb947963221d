package kg.vareg.backend.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where an emission's journal rows stand in the Merkle log (schema "log", written by the anchoring worker): the
 * leaf index of each row once integrated, and the anchored checkpoint covering it. Read-only; when the log schema
 * is absent (a backend without a worker) every row is simply "not yet in the log".
 */
@Component
class LogLinks {
    private final JdbcTemplate jdbc;

    LogLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record JournalLink(long journalId, String recordType, Instant createdAt, Long leafIndex) {
        public boolean inLog() {
            return leafIndex != null;
        }
    }

    public record Anchor(long treeSize, long chainId, String contractAddress, String txHash, Long blockNumber, Instant blockTime) {}

    boolean logPresent() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('log.leaves') IS NOT NULL AND to_regclass('log.anchors') IS NOT NULL",
                Boolean.class));
    }

    /** Journal rows whose subject is this emission, oldest first. */
    List<JournalLink> ofEmission(UUID emissionId) {
        String subject = "convert_from(j.canonical_json, 'UTF8')::jsonb -> 'subject' ->> 'emission' = ?";
        if (logPresent()) {
            return jdbc.query("SELECT j.id, j.record_type, j.created_at, l.leaf_index FROM registry.journal j"
                    + " LEFT JOIN log.leaves l ON l.journal_id = j.id WHERE " + subject + " ORDER BY j.id",
                    (rs, i) -> new JournalLink(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            (Long) rs.getObject(4)), emissionId.toString());
        }
        return jdbc.query("SELECT j.id, j.record_type, j.created_at FROM registry.journal j WHERE " + subject + " ORDER BY j.id",
                (rs, i) -> new JournalLink(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), null),
                emissionId.toString());
    }

    Optional<Long> leafOfJournal(long journalId) {
        if (!logPresent()) return Optional.empty();
        return jdbc.queryForList("SELECT leaf_index FROM log.leaves WHERE journal_id = ?", Long.class, journalId).stream().findFirst();
    }

    /** The first confirmed anchor whose tree contains the leaf. */
    Optional<Anchor> anchorCovering(long leafIndex) {
        if (!logPresent()) return Optional.empty();
        return jdbc.query("SELECT tree_size, chain_id, contract_address, tx_hash, block_number, block_time FROM log.anchors"
                        + " WHERE status = 'CONFIRMED' AND tree_size > ? ORDER BY tree_size LIMIT 1",
                (rs, i) -> new Anchor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()), leafIndex).stream().findFirst();
    }
}
