package kg.vareg.backend.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.register.JournalReader;
import kg.vareg.common.logstore.LeafRecord;
import kg.vareg.common.logstore.LogQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where an emission's journal rows stand in the Merkle log (schema "log", written by the anchoring worker): the
 * leaf index of each row once integrated, and the anchored checkpoint covering it. Read-only; when the log schema
 * is absent (a backend without a worker) every row is simply "not yet in the log".
 */
@Component
class LogLinks {
    private final JournalReader journal;
    private final LogQueries log;

    LogLinks(JdbcTemplate jdbc, JournalReader journal) {
        this.journal = journal;
        this.log = new LogQueries(jdbc);
    }

    public record JournalLink(long journalId, String recordType, Instant createdAt, Long leafIndex) {
        public boolean inLog() {
            return leafIndex != null;
        }
    }

    public record Anchor(long treeSize, long chainId, String contractAddress, String txHash, Long blockNumber, Instant blockTime) {}

    boolean logPresent() {
        return log.present();
    }

    /**
     * Journal rows whose subject is this emission, oldest first: the emission's rows by the indexed emission id, then
     * their leaves by journal id — O(rows of the emission), whatever the size of the journal.
     */
    List<JournalLink> ofEmission(UUID emissionId) {
        List<JournalReader.Link> rows = journal.ofEmission(emissionId);
        Map<Long, Long> leaves = logPresent() ? log.leavesOfJournals(rows.stream().map(JournalReader.Link::id).toList()) : Map.of();
        return rows.stream().map(r -> new JournalLink(r.id(), r.recordType(), r.createdAt(), leaves.get(r.id()))).toList();
    }

    Optional<Long> leafOfJournal(long journalId) {
        if (!logPresent()) return Optional.empty();
        return log.leafOfJournal(journalId).map(LeafRecord::index);
    }

    /** The first confirmed anchor whose tree contains the leaf. */
    Optional<Anchor> anchorCovering(long leafIndex) {
        if (!logPresent()) return Optional.empty();
        return log.anchorCovering(leafIndex).map(a -> new Anchor(a.treeSize(), a.chainId(), a.contractAddress(), a.txHash(),
                a.blockNumber().orElse(null), a.blockTime().orElse(null)));
    }
}
