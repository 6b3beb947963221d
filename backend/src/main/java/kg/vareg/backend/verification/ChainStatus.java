package kg.vareg.backend.verification;

import java.time.Instant;

/** The last thing the verifier learned about a chain's node (for health; never read from the node on demand). */
public record ChainStatus(long chainId, String name, boolean reachable, Long head, Instant headTime, boolean lagging,
                          String problem, Instant checkedAt) {}
