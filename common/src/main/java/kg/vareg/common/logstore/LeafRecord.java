package kg.vareg.common.logstore;

import java.time.Instant;
import kg.vareg.ledger.hash.Sha256Hash;

/** A leaf of the log: its index, the journal row it came from and its RFC 9162 leaf hash. */
public record LeafRecord(long index, long journalId, Sha256Hash leafHash, Instant integratedAt) {
}
