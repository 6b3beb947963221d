package kg.vareg.backend.proofs;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Public facade of the proof feature for other backend features: proofs by registration number, built by the same
 * service as the public log API (so both give the same proof for the same entry). Read-only.
 */
@Component
public class RegisterProofs {
    private final JdbcTemplate jdbc;
    private final PublicLogService log;

    RegisterProofs(JdbcTemplate jdbc, PublicLogService log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /**
     * The latest journal entry whose {@code subject.registrationNumber} is this number and that the latest anchored
     * checkpoint covers, with its inclusion proof, the signed checkpoint and the anchor transaction.
     */
    public RegisterEntryProof latestAnchoredEntry(String registrationNumber) {
        if (!logPresent()) {
            return countEntries(registrationNumber) == 0 ? new RegisterEntryProof.NoEntry()
                    : new RegisterEntryProof.NotYetAnchored(countEntries(registrationNumber));
        }
        long anchored = log.anchoredTreeSize().orElse(0L);
        // One pass over the emission's journal rows: each with its leaf index, when integrated.
        record Row(long journalId, Long leafIndex) {}
        List<Row> rows = jdbc.query("""
                SELECT j.id, l.leaf_index FROM registry.journal j LEFT JOIN log.leaves l ON l.journal_id = j.id
                 WHERE convert_from(j.canonical_json, 'UTF8')::jsonb -> 'subject' ->> 'registrationNumber' = ?""",
                (rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2)), registrationNumber);
        if (rows.isEmpty()) {
            return new RegisterEntryProof.NoEntry();
        }
        Optional<Long> latestCovered = rows.stream().map(Row::leafIndex)
                .filter(i -> i != null && i < anchored).max(Long::compare);
        int pending = (int) rows.stream().filter(r -> r.leafIndex() == null || r.leafIndex() >= anchored).count();
        if (latestCovered.isEmpty()) {
            return new RegisterEntryProof.NotYetAnchored(pending);
        }
        ProofViews.EntryView e = log.entry(latestCovered.get());
        ProofViews.AnchorView a = e.checkpoint().anchor();
        return new RegisterEntryProof.Anchored(e.leafIndex(), e.journalId(), e.recordType(), e.recordedAt(), e.canonical(),
                e.leafHash(), e.inclusionProof().treeSize(), e.inclusionProof().inclusionPath(), e.inclusionProof().rootHash(),
                e.checkpoint().signedNote(), new RegisterEntryProof.Anchor(a.chainId(), a.contractAddress(), a.txHash(),
                        a.blockNumber(), a.blockHash(), a.blockTime()), pending > 0);
    }

    private int countEntries(String registrationNumber) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM registry.journal j WHERE convert_from(j.canonical_json, 'UTF8')::jsonb"
                + " -> 'subject' ->> 'registrationNumber' = ?", Integer.class, registrationNumber);
        return n == null ? 0 : n;
    }

    private boolean logPresent() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT to_regclass('log.leaves') IS NOT NULL AND to_regclass('log.anchors') IS NOT NULL", Boolean.class));
    }
}
