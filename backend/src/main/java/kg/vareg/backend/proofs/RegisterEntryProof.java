package kg.vareg.backend.proofs;

import java.time.Instant;
import java.util.List;

/**
 * What the log can prove about one emission's register entry (the public facade of this package for other features,
 * e.g. the exchange API): its latest journal entry inside the latest anchored checkpoint, or why there is none.
 */
public sealed interface RegisterEntryProof {

    /**
     * The emission's latest journal entry that the latest anchored checkpoint covers.
     *
     * @param entry base64 of the entry's canonical RFC 8785 bytes (the Merkle leaf's entry)
     * @param inclusionPath RFC 9162 inclusion path (lower-case hex), leaf to root
     * @param signedNote the C2SP signed checkpoint note of {@code treeSize}
     * @param pendingChanges newer journal entries of the emission exist that no anchored checkpoint covers yet
     */
    record Anchored(long leafIndex, long journalId, String recordType, Instant recordedAt, String entry, String leafHash,
                    long treeSize, List<String> inclusionPath, String rootHash, String signedNote, Anchor anchor,
                    boolean pendingChanges) implements RegisterEntryProof {
        public Anchored {
            inclusionPath = List.copyOf(inclusionPath);
        }
    }

    /** The emission has journal entries, but none is covered by an anchored checkpoint yet. */
    record NotYetAnchored(int pendingEntries) implements RegisterEntryProof {}

    /** No journal entry names this registration number. */
    record NoEntry() implements RegisterEntryProof {}

    /** The confirmed anchor transaction of the checkpoint. */
    record Anchor(long chainId, String contractAddress, String txHash, Long blockNumber, String blockHash, Instant blockTime) {}
}
