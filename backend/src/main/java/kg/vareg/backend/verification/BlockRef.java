package kg.vareg.backend.verification;

import java.time.Instant;

/** A block as the verifier remembers it: number, hash (to notice reorgs) and time (for ¶20 periods). */
record BlockRef(long number, String hash, String parentHash, Instant time) {}
