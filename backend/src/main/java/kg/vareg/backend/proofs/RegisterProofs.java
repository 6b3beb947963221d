package kg.vareg.backend.proofs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.backend.register.JournalReader;
import kg.vareg.common.logstore.LogQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Public facade of the proof feature for other backend features: proofs by registration number, built by the same
 * service as the public log API (so both give the same proof for the same entry). Read-only.
 */
@Component
public class RegisterProofs {
    private final JournalReader journal;
    private final LogQueries logStore;
    private final PublicLogService log;

    RegisterProofs(JdbcTemplate jdbc, JournalReader journal, PublicLogService log) {
        this.journal = journal;
        this.logStore = new LogQueries(jdbc);
        this.log = log;
    }

    /**
     * The latest journal entry whose {@code subject.registrationNumber} is this number and that the latest anchored
     * checkpoint covers, with its inclusion proof, the signed checkpoint and the anchor transaction. Reads the
     * emission's rows by the indexed registration number and their leaves by journal id: O(rows of the emission).
     */
    public RegisterEntryProof latestAnchoredEntry(String registrationNumber) {
        List<JournalReader.Link> rows = journal.ofRegistrationNumber(registrationNumber);
        if (rows.isEmpty()) {
            return new RegisterEntryProof.NoEntry();
        }
        if (!logStore.present()) {
            return new RegisterEntryProof.NotYetAnchored(rows.size());
        }
        long anchored = log.anchoredTreeSize().orElse(0L);
        Map<Long, Long> leaves = logStore.leavesOfJournals(rows.stream().map(JournalReader.Link::id).toList());
        Optional<Long> latestCovered = leaves.values().stream().filter(i -> i < anchored).max(Long::compare);
        int pending = (int) rows.stream().map(r -> leaves.get(r.id())).filter(i -> i == null || i >= anchored).count();
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
}
