package kg.vareg.backend.verification;

import java.util.List;

/** What one pass over one token came to. */
public sealed interface ScanOutcome {
    /** Verified up to {@code block}; {@code holding} are the discrepancies that hold there. */
    record Verified(long block, long eventsAdded, List<FindingKind> holding) implements ScanOutcome {}

    /** The pass stopped without verifying (reorg under it, another instance, node trouble); the next pass resumes. */
    record Interrupted(String reason) implements ScanOutcome {}
}
