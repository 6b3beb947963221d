package kg.vareg.common.logstore;

import java.time.Instant;
import kg.vareg.ledger.hash.Sha256Hash;

/** A signed checkpoint (C2SP tlog-checkpoint note) of the log at {@code size}. */
public record CheckpointRecord(long size, Sha256Hash root, String signedNote, Instant createdAt) {
}
