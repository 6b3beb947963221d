package kg.vareg.backend.web;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the on-chain supply verifier knows about an emission, as the emission page shows it. Until the verifier
 * has checked a token the page says so plainly ("not yet verified") rather than showing the register's own
 * numbers as if they came from the chain.
 */
public interface OnChainState {

    Optional<Snapshot> of(UUID emissionId);

    record Snapshot(long blockNumber, Instant checkedAt, BigInteger totalSupply, List<SupplyPoint> supply, List<Movement> movements,
            List<OpenFinding> findings) {}

    record SupplyPoint(long blockNumber, BigInteger supply) {}

    /** A mint, burn or placement (transfer from the issuer's wallet) read from the token's logs. */
    record Movement(String kind, long blockNumber, String txHash, BigInteger amount) {}

    record OpenFinding(String kind, String paragraph, String severity, String detail, Instant openedAt) {}
}
